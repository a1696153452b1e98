using CyberCode.Bot.Cli;

return await Verbs.Build().Parse(args).InvokeAsync();
