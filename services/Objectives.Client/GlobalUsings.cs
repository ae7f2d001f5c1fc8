// Namespaces every part of this project uses.
global using Grpc.Core;
global using Microsoft.Extensions.DependencyInjection;
global using Platform.Objectives.V1;
global using Platform.Names;
