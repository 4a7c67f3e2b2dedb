// Plain shapes shared by the trigs-api's routes and its domain functions.

export type TrigRecord = {
  id: string;
  label: string;
  angle: { degrees: number; radians: number; quadrant: 1 | 2 | 3 | 4 };
  ratios: { sin: number; cos: number; tan: number | null; cot: number | null; sec: number | null; csc: number | null };
  triangle: { hypotenuse: number; adjacent: number; opposite: number; area: number; perimeter: number };
  tags: string[];
  createdAt: string;
};

/** An RGBA image, 4 bytes per pixel, row-major. */
export type Image = { width: number; height: number; data: Uint8ClampedArray };

/** A square convolution kernel, `size` × `size` weights, row-major. */
export type Kernel = { name: KernelName; size: number; weights: Float64Array };

export type KernelName = 'blur' | 'sharpen' | 'edge';

export type ImageSummary = { width: number; height: number; checksum: string };

/** What a route answers: a status and a JSON-serialisable body, or an already serialised JSON string. */
export type RouteAnswer = { status: number; body: unknown } | { status: number; json: string };
