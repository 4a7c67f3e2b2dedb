"""The original scenario: a FastAPI service modelled on the trigs API, profiled by pyroscope-io and traced with
OpenTelemetry. Run: uvicorn app.main:app --host 0.0.0.0 --port 8000"""

from fastapi import FastAPI, Query

from app.profiling import application_name, start_profiling
from app.tracing import start_tracing
from app.work import build_trig_records, find_duplicate_ids_slowly, load_report_ids

app = FastAPI(title="trigs (FastAPI)")
start_tracing(app, application_name(), profiling=start_profiling() is not None)


# Plain `def` handlers: FastAPI runs them in its thread pool, so CPU work never blocks the event loop.
@app.get("/v1/trigs")
def list_trigs(limit: int = Query(100, ge=1, le=5000), offset: int = Query(0, ge=0)):
    return {"items": build_trig_records(limit, offset), "limit": limit, "offset": offset}


@app.get("/v1/reports/slow")
def slow_report(n: int = Query(1500, ge=10, le=20000)):
    duplicates = find_duplicate_ids_slowly(load_report_ids(n))
    return {"ids": n, "duplicates": len(duplicates)}


@app.get("/health")
def health():
    return {"status": "ok"}
