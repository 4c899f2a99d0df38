/**
 * Roster import and sign-in slips for the teacher workspace: read a CSV or .xlsx roster, guess which
 * column is which, validate it with row- and column-precise messages, give students sign-in codes and
 * lay out the slips to print. Everything here is pure except reading the workbook (async). The slip
 * component, SignInSlips.tsx, is imported directly: it brings a stylesheet with it.
 */
export { readRosterFile } from './readRosterFile.ts';
export type { Delimiter, SheetRow, SheetSource, SheetTable, TextEncodingName } from './sheetTable.ts';
export { FIELD_LABELS, REQUIRED_FIELDS, ROSTER_FIELDS, guessColumnMapping, type ColumnMapping, type RosterField } from './columnMapping.ts';
export { validateRoster, type RosterImport, type ValidateRosterOptions } from './validateRoster.ts';
export { HIGHEST_GRADE, LOWEST_GRADE, ZRosterRow, type RosterRow } from './rosterRow.ts';
export { assignCodes } from './assignCodes.ts';
export { rosterIdentity, toKioskRoster, type KioskRosterEntry } from './kioskRoster.ts';
export { buildSignInSlips, slipInstructions, type ClassSlips, type SignInSlip, type SlipStudent } from './signInSlips.ts';
export { ROSTER_MESSAGES, formatRosterIssue } from './messages.ts';
