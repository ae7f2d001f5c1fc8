// Namespaces every part of this project uses.
global using Grpc.Core;
global using Platform.ServiceDefaults.Errors;
global using Platform.Names;
