"""OpenTelemetry traces over OTLP/HTTP, with Pyroscope's span processor so root spans carry
pyroscope.profile.id and their samples the span_id label (trace-to-profile links)."""

import os
from typing import Mapping

from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from pyroscope.otel import PyroscopeSpanProcessor


def start_tracing(app: FastAPI, service_name: str, profiling: bool, env: Mapping[str, str] = os.environ) -> None:
    # service.name must equal the profiles' service_name, so it is set here rather than left to OTEL_SERVICE_NAME.
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    if profiling:
        provider.add_span_processor(PyroscopeSpanProcessor())
    # The exporter reads its endpoint from the standard variables; without one, spans are made but not sent.
    if env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    FastAPIInstrumentor.instrument_app(app, tracer_provider=provider)
