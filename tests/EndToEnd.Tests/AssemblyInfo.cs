// The end-to-end tests start real processes on free loopback ports. One system at a time: parallel
// fixtures would race for ports between picking a free one and the child binding it, and would crowd the
// machine's cores with dozens of processes.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
