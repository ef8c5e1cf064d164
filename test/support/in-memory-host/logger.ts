import { AsyncLocalStorage } from 'node:async_hooks';
import { LogMessageSeverity } from '@rocket.chat/apps-engine/definition/accessors';
import type { ILogEntry, ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import type { AppMethod } from '@rocket.chat/apps-engine/definition/metadata';
import type { LogLevel, LogRecord } from './records';

type AppMethodName = `${AppMethod}`;

/**
 * Which app method is running. The real host gives every call its own logger tagged with the method; here one
 * logger serves the app, so the method is tracked per async call chain (concurrent calls, e.g. a settings
 * burst, keep their own tag).
 */
export class AppMethodContext {
  private readonly storage = new AsyncLocalStorage<AppMethodName>();

  run<T>(method: AppMethodName, call: () => T): T {
    return this.storage.run(method, call);
  }

  current(): AppMethodName | undefined {
    return this.storage.getStore();
  }
}

const SEVERITY: Record<LogLevel, LogMessageSeverity> = {
  debug: LogMessageSeverity.DEBUG,
  info: LogMessageSeverity.INFORMATION,
  log: LogMessageSeverity.LOG,
  warn: LogMessageSeverity.WARNING,
  error: LogMessageSeverity.ERROR,
  success: LogMessageSeverity.SUCCESS,
};

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value instanceof Error) {
    return `${value.name}: ${value.message}`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The app's ILogger: every line goes to the host's `logs` record (and to `getEntries()`, as the engine keeps them). */
export class HostLogger implements ILogger {
  private readonly entries: ILogEntry[] = [];
  private readonly startTime = new Date();
  private fixedMethod: AppMethodName | undefined;

  constructor(
    private readonly sink: (record: Omit<LogRecord, 'at'>) => void,
    private readonly methods: AppMethodContext,
  ) {}

  get method(): AppMethodName {
    return this.fixedMethod ?? this.methods.current() ?? 'constructor';
  }

  set method(method: AppMethodName) {
    this.fixedMethod = method;
  }

  debug(...items: unknown[]): void {
    this.write('debug', items);
  }

  info(...items: unknown[]): void {
    this.write('info', items);
  }

  log(...items: unknown[]): void {
    this.write('log', items);
  }

  warn(...items: unknown[]): void {
    this.write('warn', items);
  }

  error(...items: unknown[]): void {
    this.write('error', items);
  }

  success(...items: unknown[]): void {
    this.write('success', items);
  }

  getEntries(): ILogEntry[] {
    return [...this.entries];
  }

  getMethod(): AppMethodName {
    return this.method;
  }

  getStartTime(): Date {
    return this.startTime;
  }

  getEndTime(): Date {
    return new Date();
  }

  getTotalTime(): number {
    return this.getEndTime().getTime() - this.startTime.getTime();
  }

  private write(level: LogLevel, args: unknown[]): void {
    const method = this.method;
    this.entries.push({ severity: SEVERITY[level], timestamp: new Date(), args, method });
    this.sink({ level, method, args, text: args.map(describe).join(' ') });
  }
}
