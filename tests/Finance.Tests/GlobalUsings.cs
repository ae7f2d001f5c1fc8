// Namespaces every part of this project uses.
global using Grpc.Core;
global using Platform.Finance;
global using Platform.Finance.V1;
global using Platform.Testing;
global using System.Net;
global using Platform.Names;
