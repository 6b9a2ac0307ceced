// Lazy chunk, loaded by the dynamic import in main.ts.
// Deliberately BAD: default import of the whole moment library.
// GOOD: a named import from date-fns.
import moment from 'moment';
import type { Moment } from 'moment';
import { format } from 'date-fns';
import { type Locale } from 'date-fns';
import { h, Fragment } from './jsx';

interface Report {
  title: string;
  due: Moment;
}

function id<T>(x: T): T {
  return x;
}

// A generic arrow function in a .tsx file needs the trailing comma in `<T,>`.
const pick = <T,>(items: readonly T[], index: number): T => items[index];

const locale: Locale | undefined = undefined;

// `import('moment')` in a type position is an ImportTypeNode: type-only, never loaded at run time.
type MomentFactory = typeof import('moment');
const makeMoment: MomentFactory = moment;

function ReportRow({ report }: { report: Report }) {
  return (
    <li data-due={report.due.toISOString()}>
      {report.title} — {report.due.fromNow()}
    </li>
  );
}

export function mountReports(target: Element): void {
  const now = makeMoment();
  const reports: Report[] = [
    { title: 'Q3 close', due: now.clone().add(3, 'days') },
    { title: "Auditor's visit", due: moment('2030-01-15', 'YYYY-MM-DD') },
  ];
  const today = format(new Date(), 'yyyy-MM-dd', { locale });
  const view = (
    <>
      <h2>Reports for {today}</h2>
      <p>Don't panic</p>
      <p>{"A string with 'quotes' and import('moment') in it"}</p>
      <ul>{id(reports).map((r) => <ReportRow report={r} />)}</ul>
      <p>Next up: {pick(reports, 0).title}</p>
    </>
  ) as DocumentFragment;
  target.replaceChildren(view);
}
