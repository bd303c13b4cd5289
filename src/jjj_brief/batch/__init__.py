"""A series: one briefing per region, many regions in one run, on this machine or a cluster.

The main process loads and checks the facts once, plans one :class:`~.plan.RegionTask` per
region, and hands the tasks to a :class:`concurrent.futures.Executor` — this process
(``--jobs 1``), a pool of processes, or a dask.distributed cluster (``--scheduler``); the
same code drives all three.  A worker renders and writes one region's documents and returns
their bytes (:mod:`.worker`); only the main process touches the output folder, publishing
each region's files all at once as they arrive (:mod:`.runner`).  A region that fails —
bad input, a parity mismatch, a worker that dies — fails alone.

Modules: :mod:`.plan` (which regions, which folders, what a task carries), :mod:`.worker`
(what runs in a worker process, with its per-process caches), :mod:`.pools` (the executors),
:mod:`.runner` (the loop, crash isolation, publishing), :mod:`.progress` (the CLI's report).
"""
