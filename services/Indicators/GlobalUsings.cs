// Namespaces every part of this project uses.
global using Dapper;
global using Platform.Indicators.V1;
global using Platform.Objectives.V1;
global using Platform.ServiceDefaults;
global using Platform.ServiceDefaults.Api;
global using Platform.ServiceDefaults.Data;
global using Platform.ServiceDefaults.Errors;
global using Platform.Names;
