from .cli import main

if __name__ == "__main__":  # a spawned worker process (Dask, multiprocessing) re-imports this module
    main()
