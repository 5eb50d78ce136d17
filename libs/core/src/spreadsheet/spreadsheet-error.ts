/** Why a spreadsheet file was refused before any of its rows were looked at. */
export enum SpreadsheetProblem {
  EMPTY = 'EMPTY',
  TOO_LARGE = 'TOO_LARGE',
  UNSUPPORTED_FORMAT = 'UNSUPPORTED_FORMAT',
  ENCRYPTED = 'ENCRYPTED',
  MACROS = 'MACROS',
  MALFORMED = 'MALFORMED',
  ZIP_BOMB = 'ZIP_BOMB',
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  TOO_MANY_COLUMNS = 'TOO_MANY_COLUMNS',
  NO_SHEET = 'NO_SHEET',
}

/**
 * A spreadsheet refused as a whole, with a sentence the uploader can act on. Areas turn it
 * into a VALIDATION_FAILED on the document field.
 */
export class SpreadsheetError extends Error {
  constructor(
    readonly problem: SpreadsheetProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}
