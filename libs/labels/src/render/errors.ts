/** A render request that cannot be honoured; `field` names the offending input (e.g. `labels.3.tiers.0.unitPriceFen`). */
export class LabelRenderError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'LabelRenderError';
  }
}
