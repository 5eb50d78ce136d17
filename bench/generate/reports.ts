import { count, Step } from './sql';

/**
 * The reports' rollups of the loaded history. A bulk load marks every day it wrote dirty (the
 * statement triggers of the reports area), and dirty days are read from the raw rows: the
 * dataset is therefore rolled up once, as the API's background job would, with the schema's own
 * xp_report_refresh (every dirty day before today).
 */
export function reportRollupsStep(): Step {
  return {
    name: 'report rollups',
    requires: ['report_dirty_days', 'report_device_days'],
    async run({ client }) {
      const days = await count(client, `SELECT xp_report_refresh((now() AT TIME ZONE 'Asia/Shanghai')::date)`);
      return `${days} venue-days rolled up`;
    },
  };
}
