/** What an ingest request got back: the HTTP status and the start of the body (Pyroscope's error message). */
export type PostResult = { status: number; message: string };
