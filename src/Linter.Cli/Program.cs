using Linter.Cli;

return KubelintCommand.Run(args, Console.In, Console.Out, Console.Error, Directory.GetCurrentDirectory(), Terminal.Console);
