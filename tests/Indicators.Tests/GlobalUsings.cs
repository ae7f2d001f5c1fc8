// Namespaces every part of this project uses.
global using Grpc.Core;
global using Platform.Indicators;
global using Platform.Indicators.V1;
global using Platform.Testing;
global using Platform.Names;
global using Status = Platform.Indicators.V1.Status;
