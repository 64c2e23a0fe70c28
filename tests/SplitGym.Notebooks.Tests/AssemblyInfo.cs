// The notebook runner sets the process's current directory for each run (the notebooks' #r paths are
// relative to it), so no two tests of this assembly may run at the same time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
