/** The verify walk: showroom staff scan the labels along a shelf and see which are current. */

const WALK_FIELDS = 'id venueId shelfId status startedAt finishedAt startedByName labelsChecked currentFound staleFound retiredFound unknownFound';

export const START_WALK = `mutation StartLabelWalk($input: StartLabelWalkInput!) { result: startLabelWalk(input: $input) { ${WALK_FIELDS} } }`;
export const VERIFY_LABEL = `mutation VerifyLabel($input: VerifyLabelInput!) {
  result: verifyLabel(input: $input) {
    check { code result reprintNeeded skuCode slotCode title staleReason nowOnSlotSkuCode replacement { id status slot { code } } }
    walk { ${WALK_FIELDS} }
  }
}`;
export const FINISH_WALK = `mutation FinishLabelWalk($input: FinishLabelWalkInput!) { result: finishLabelWalk(input: $input) { ${WALK_FIELDS} } }`;
export const WALKS = `query LabelWalks($venueId: ID!) {
  result: labelWalks(filter: { venueId: $venueId }, perPage: 20, sort: { field: "startedAt", order: DESC }) { total items { ${WALK_FIELDS} } }
}`;

export type CheckResult = 'CURRENT' | 'STALE' | 'RETIRED' | 'UNKNOWN';

export interface Walk {
  id: string;
  venueId: string;
  shelfId: string | null;
  status: 'OPEN' | 'FINISHED';
  startedAt: string;
  finishedAt: string | null;
  startedByName: string | null;
  labelsChecked: number;
  currentFound: number;
  staleFound: number;
  retiredFound: number;
  unknownFound: number;
}

export interface LabelCheck {
  code: string;
  result: CheckResult;
  reprintNeeded: boolean;
  skuCode: string | null;
  slotCode: string | null;
  title: string | null;
  staleReason: 'PRICE_CHANGED' | 'SLOT_CHANGED' | null;
  nowOnSlotSkuCode: string | null;
  replacement: { id: string; status: string; slot: { code: string } } | null;
}

/** The colour of a check's result on the phone screen. */
export const RESULT_COLOUR: Record<CheckResult, 'success' | 'warning' | 'default' | 'error'> = {
  CURRENT: 'success',
  STALE: 'warning',
  RETIRED: 'default',
  UNKNOWN: 'error',
};

/** What to tell the walker about one check: an i18n key and its values. */
export function checkAdvice(check: LabelCheck): { key: string; args: Record<string, string> } {
  switch (check.result) {
    case 'CURRENT':
      return { key: 'xp.labels.walk.advice.CURRENT', args: {} };
    case 'STALE':
      if (check.staleReason === 'SLOT_CHANGED') {
        return check.nowOnSlotSkuCode
          ? { key: 'xp.labels.walk.advice.STALE_SLOT', args: { sku: check.nowOnSlotSkuCode } }
          : { key: 'xp.labels.walk.advice.STALE_EMPTY', args: {} };
      }
      return { key: 'xp.labels.walk.advice.STALE_PRICE', args: {} };
    case 'RETIRED':
      return check.replacement
        ? { key: 'xp.labels.walk.advice.RETIRED_REPLACED', args: { slot: check.replacement.slot.code } }
        : { key: 'xp.labels.walk.advice.RETIRED', args: {} };
    default:
      return { key: 'xp.labels.walk.advice.UNKNOWN', args: {} };
  }
}
