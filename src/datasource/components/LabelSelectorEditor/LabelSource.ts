/** Where the label selector editor gets its completions; `selector` narrows them to matching series. */
export type LabelSource = {
  labelNames: (selector: string) => Promise<string[]>;
  labelValues: (name: string, selector: string) => Promise<string[]>;
};
