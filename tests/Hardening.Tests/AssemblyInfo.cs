// Real processes on free loopback ports: one system at a time (see EndToEnd.Tests).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
