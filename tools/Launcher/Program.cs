using Platform.Launcher;

// dotnet run --project tools/Launcher [-- --rest-port 8080 --grpc-port 8081 --data-dir ./data --no-demo --replicas indicators=2]
// dotnet run --project tools/Launcher -- token --data-dir ./data --tenant comune-x --subject alice --role planner
return await LauncherCommands.RunAsync(args);
