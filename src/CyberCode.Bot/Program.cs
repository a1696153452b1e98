using CyberCode.Bot.Cli;

var parse = Verbs.Build().Parse(args);
return await parse.InvokeAsync(Verbs.InvocationFor(parse));
