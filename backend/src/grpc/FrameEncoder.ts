import type { Frame } from '../plugin/types';

/** Turns one frame into the bytes of one DataResponse.frames entry (an Arrow IPC file). */
export type FrameEncoder = (frame: Frame) => Uint8Array;
