import { parseArgs } from 'node:util';
import { aggregateFollowUpCommand, aggregateMergeCommand, aggregateTableCommand } from './aggregate.ts';
import type { CliIo } from './io.ts';
import { labCommand, type LabProcess } from './lab.ts';
import { lockCommand } from './lock.ts';
import { normsDeriveCommand } from './normsDerive.ts';
import { scoreCommand } from './score.ts';
import { validateCommand } from './validate.ts';

const USAGE = `psyscreen — screening instruments, norms and scoring on the command line

  psyscreen validate FILE…
  psyscreen score --instrument FILE… [--norms FILE…] [--policy FILE] [RESPONSES.jsonl|-]
  psyscreen score --plan FILE [RESPONSES.jsonl|-]
  psyscreen norms derive --instrument FILE [--by-sex] [--grades 4-6,7-9] [--min-n 50] [--id ID] RESULTS.jsonl
  psyscreen lock (--check|--write)
  psyscreen aggregate merge FILE… [--keys KEYS.json] [--level county|city|province --code CODE --name NAME [--created DATE]] > merged.psyagg
  psyscreen aggregate table FILE [--format csv|parquet] [--out OUT] > table.csv
  psyscreen aggregate followup FILE > followup.csv
  psyscreen lab [--port 8080] [--host 0.0.0.0] [--data DIR] [--plan FILE] [--rebuild] [--rate N --burst N] [--behind-proxy]

Messages are in Chinese when LANG (or PSYSCREEN_LANG) starts with "zh".`;

/** Runs one command line, the long-running lab server included, and resolves to its exit code. */
export async function runCommand(argv: readonly string[], io: CliIo, processDeps: LabProcess): Promise<number> {
  if (argv[0] !== 'lab') return runCli(argv, io);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.slice(1),
      options: {
        port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, plan: { type: 'string' },
        rebuild: { type: 'boolean', default: false }, rate: { type: 'string' }, burst: { type: 'string' }, 'behind-proxy': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  const { port, host, data, plan, rate, burst } = values;
  return labCommand(io, {
    rebuild: values.rebuild, behindProxy: values['behind-proxy'],
    ...(port === undefined ? {} : { port }), ...(host === undefined ? {} : { host }), ...(data === undefined ? {} : { data }),
    ...(plan === undefined ? {} : { plan }), ...(rate === undefined ? {} : { rate }), ...(burst === undefined ? {} : { burst }),
  }, processDeps);
}

/** Runs one short command line and returns its exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return validateCommand(io, rest);
      case 'score': {
        const { values, positionals } = parseArgs({
          args: [...rest], allowPositionals: true,
          options: { instrument: { type: 'string', multiple: true }, norms: { type: 'string', multiple: true }, policy: { type: 'string' }, plan: { type: 'string' } },
        });
        return scoreCommand(io, {
          instruments: values.instrument ?? [], norms: values.norms ?? [], input: positionals[0] ?? '-',
          ...(values.policy === undefined ? {} : { policy: values.policy }),
          ...(values.plan === undefined ? {} : { plan: values.plan }),
        });
      }
      case 'norms': {
        const [sub, ...args] = rest;
        const { values, positionals } = parseArgs({
          args, allowPositionals: true,
          options: { instrument: { type: 'string' }, 'by-sex': { type: 'boolean', default: false }, grades: { type: 'string' }, 'min-n': { type: 'string', default: '50' }, id: { type: 'string' } },
        });
        const minGroupSize = Number(values['min-n']);
        if (sub !== 'derive' || values.instrument === undefined || positionals[0] === undefined || !(Number.isInteger(minGroupSize) && minGroupSize > 0)) break;
        return normsDeriveCommand(io, {
          instrument: values.instrument, results: positionals[0], bySex: values['by-sex'], minGroupSize,
          ...(values.grades === undefined ? {} : { gradeGroups: values.grades }),
          ...(values.id === undefined ? {} : { id: values.id }),
        });
      }
      case 'lock': {
        const { values } = parseArgs({ args: [...rest], options: { check: { type: 'boolean' }, write: { type: 'boolean' } } });
        if (values.check === values.write) break;
        return lockCommand(io, values.write ? 'write' : 'check');
      }
      case 'aggregate': {
        const [sub, ...args] = rest;
        const { values, positionals } = parseArgs({
          args, allowPositionals: true,
          options: {
            level: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, created: { type: 'string' },
            format: { type: 'string' }, out: { type: 'string' }, keys: { type: 'string' },
          },
        });
        const { level, code, name, created, format, out } = values;
        const stampGiven = level !== undefined || code !== undefined || name !== undefined || created !== undefined;
        if (sub === 'table' && !stampGiven) return aggregateTableCommand(io, positionals, { ...(format === undefined ? {} : { format }), ...(out === undefined ? {} : { out }) });
        if (format !== undefined || out !== undefined) break;
        if (sub === 'followup' && !stampGiven) return aggregateFollowUpCommand(io, positionals[0]);
        if (sub !== 'merge') break;
        const keysOption = values.keys === undefined ? {} : { keys: values.keys };
        if (!stampGiven) return aggregateMergeCommand(io, positionals, keysOption);
        if (level === undefined || code === undefined || name === undefined) break;
        return aggregateMergeCommand(io, positionals, { ...keysOption, stamp: { level, code, name, ...(created === undefined ? {} : { created }) } });
      }
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return 0;
    }
  } catch (error) {
    // parseArgs rejects unknown options by throwing; that is a usage error, not a crash.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  io.err(USAGE);
  return 1;
}

