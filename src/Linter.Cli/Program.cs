using System.Text;
using Linter.Cli;

// Standard output is buffered (Console.Out writes through on every call); what is left is written at exit.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);
using var stdin = Console.OpenStandardInput();
return KubelintCommand.Run(args, stdin, stdout, Console.Error, Directory.GetCurrentDirectory(), Terminal.Console, CiEnvironment.FromProcess());
