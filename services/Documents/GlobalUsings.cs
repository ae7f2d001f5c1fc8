// Namespaces every part of this project uses.
global using Grpc.Core;
global using Platform.Documents.V1;
global using Platform.Finance.V1;
global using Platform.Indicators.V1;
global using Platform.Names;
global using Platform.Objectives.V1;
global using Platform.ServiceDefaults;
global using Platform.ServiceDefaults.Errors;
