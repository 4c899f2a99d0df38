/**
 * The public API of the scoring core. Everything outside scoring/ imports from here only.
 * See README.md for the contract.
 */
export { ZLocalizedText, pickText, type LocalizedText } from './locale.ts';
export { LOCALES, TIERS, TRACKS, tierRank, type Locale, type Tier } from './schema/vocabulary.ts';
export { conditionItems, scoredValues } from './schema/answerValues.ts';
export { fail, formatPath, issue, succeed, type Issue, type JsonPath, type Outcome } from './outcome.ts';
export { MESSAGES, formatIssue, formatIssueWithPath } from './messages.ts';
export { issueText, type MessageCatalogue, type MessageTemplate } from './issueText.ts';

export { ZSex, type Sex } from './schema/common.ts';
export { ZCondition, type Condition } from './schema/condition.ts';
export {
  FLAGS, ZBand, ZCriticalItem, ZInstrument, ZItem, ZOption, ZScale, scaleRange,
  type Band, type CriticalItem, type Instrument, type Item, type Option, type Scale,
} from './schema/instrument.ts';
export { REVIEW_FINDINGS, ZWordingReview, reviewTextKeys, type ReviewFinding, type WordingReview } from './schema/review.ts';
export { ZNormGroup, ZNormTable, type NormGroup, type NormTable } from './schema/norms.ts';
export { ZTierPolicy, ZTierRule, ZValiditySettings, type TierPolicy, type TierRule, type ValiditySettings } from './schema/policy.ts';
export { ZGradeBand, ZPlan, type GradeBand, type Plan } from './schema/plan.ts';
export { parseDefinition, parseInstrument, parseJsonText, parseNormTable, parsePlan, parseTierPolicy, parseVectors, parseWith, type Definition } from './schema/parse.ts';
export { ZVectorCase, ZVectors, type VectorCase, type Vectors } from './schema/vectors.ts';

export { canonicalJson, contentHash } from './library/hash.ts';
export { parseRef, refOf, shortRefOf, type ParsedRef, type VersionRef } from './library/ref.ts';
export { checkLock, computeLock, type LibraryFile, type LockDrift, type LockFile } from './library/lock.ts';
export { buildCatalog, catalogFromFiles, findInstrument, instrumentByRef, latestInstruments, normsFor, vectorsFor, type Catalog, type FileProblem } from './library/catalog.ts';
export { DEFAULT_BANDS, buildPlan, type BandChoice, type PlanRequest } from './library/defaultBattery.ts';
export { ZResponseRecord, toResponseInput, type ResponseRecord } from './schema/response.ts';

export { compileBattery, type BatteryConfig, type ScoringEngine } from './score/battery.ts';
export { compilePlan, findGradeBand, type PlanScorer } from './score/plan.ts';
export { evaluateCondition } from './score/conditions.ts';
export { instrumentLabel, runVectors } from './score/vectors.ts';
export { checkPlanVectors, type PlanVectorCheck } from './score/planVectors.ts';
export { percentileOf, tScore } from './score/norms.ts';
export type {
  Answers, BatteryResult, CriticalHit, InstrumentResult, NormScore, Respondent, ResponseInput, ScaleResult,
  TierReason, Track, Validity, ValidityReason, ValidityStatus,
} from './score/types.ts';

export { deriveNorms, type CohortMember, type DeriveNormsRequest, type DerivedNorms } from './norms/derive.ts';

// aggregates
export {
  AGGREGATE_FORMAT, AGGREGATE_VERSION, LEVELS, MIN_K, STAGES, SUPPRESSION_REASONS, ZAggregate, ZStamp,
  type Aggregate, type AggregateCell, type AggregateMargin, type BandCount, type InstrumentSummary, type Level, type PooledBin,
  type ScaleSummary, type SchoolEntry, type Stage, type Stamp, type SuppressedEntry, type SuppressionReason, type TierCounts,
} from './aggregate/schema.ts';
export { compareGroups, groupKey, type Group, type GroupGrade, type GroupSex } from './aggregate/groups.ts';
export { histogramEntries, histogramTotal, isCanonicalScoreKey, scoreKey, type Histogram } from './aggregate/histogram.ts';
export { buildAggregate, type AggregateParticipant, type BuildAggregateInput } from './aggregate/build.ts';
export { emptyAggregate, incompatibilities, mergeAggregates, mergeAll } from './aggregate/merge.ts';
export { groupTable, type GroupTable } from './aggregate/groupTable.ts';
export { suppressionPattern } from './aggregate/suppression.ts';
export { boundsOf, unprotectedGroups } from './aggregate/protection.ts';
export { coarsenHistogram } from './aggregate/coarsen.ts';
export { publishAggregate, type PublishOptions } from './aggregate/publish.ts';
export { levelOf, producerOf, stampAggregate } from './aggregate/stamp.ts';
export { parseAggregate, parseAggregateText } from './aggregate/parse.ts';
export { describeOutgoing, formatOutgoing, groupLabel } from './aggregate/outgoing.ts';
export { STANDARD_PERCENTILES, percentileOfHistogram, scaleDistribution, statsFromHistogram, type Bounds, type Distribution, type ScoreStats } from './aggregate/stats.ts';
export { funnelLimits, funnelPosition, normalQuantile, rateOf, wilsonInterval, type FunnelLimits, type FunnelPosition, type RateEstimate } from './aggregate/rates.ts';
export { tableRows, type TableRow } from './aggregate/rows.ts';
