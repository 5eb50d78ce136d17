import type { Widen } from '../types';

/** Scans of the shelf labels: the statistics screen of operators and factories. */
export const scansZh = {
  xp: {
    scans: {
      title: '扫码统计',
      menu: '扫码统计',
      first_day: '开始日期',
      last_day: '结束日期（含）',
      bad_period: '请选择开始和结束日期：结束不早于开始，最长 400 天。',
      no_venue: '你还没有可查看扫码数据的选品中心。',
      own_skus_only: '仅本厂 SKU',
      scans: '扫码次数',
      unique_devices: '扫码设备数',
      listings: '一键铺货次数',
      listing_rate: '铺货转化率',
      traced_orders: '扫码成交订单',
      by: { DAY: '按天', SKU: '热门 SKU', SLOT: '热门货位', FACTORY: '按工厂' },
      group: { DAY: '日期', SKU: 'SKU', SLOT: '货位', FACTORY: '工厂' },
      no_scans: '这段时间没有扫码记录。',
      top_only: '只显示扫码最多的 %{top} 行（共 %{count} 行）。',
    },
  },
};

export const scansEn: Widen<typeof scansZh> = {
  xp: {
    scans: {
      title: 'Label scans',
      menu: 'Label scans',
      first_day: 'First day',
      last_day: 'Last day (included)',
      bad_period: 'Choose a first and a last day: the last not before the first, at most 400 days.',
      no_venue: 'You have no venue with scan figures yet.',
      own_skus_only: 'Your SKUs only',
      scans: 'Scans',
      unique_devices: 'Devices',
      listings: 'Listing downloads',
      listing_rate: 'Listing rate',
      traced_orders: 'Orders from scans',
      by: { DAY: 'By day', SKU: 'Top SKUs', SLOT: 'Top slots', FACTORY: 'By factory' },
      group: { DAY: 'Day', SKU: 'SKU', SLOT: 'Slot', FACTORY: 'Factory' },
      no_scans: 'No scans in this period.',
      top_only: 'The %{top} most scanned rows only (of %{count}).',
    },
  },
};
