/** Every request the app sent LivePerson (the simulator), newest first, with its status and duration. */
import type { LivePersonRequestLine } from '../shared';
import { clockTime } from './format';

export function RequestLog({ requests }: { requests: LivePersonRequestLine[] }) {
    if (requests.length === 0) {
        return <div className="sidebar-hint">None yet.</div>;
    }
    return (
        <ol className="request-log" data-qa="request-log">
            {requests
                .slice()
                .reverse()
                .map((line) => {
                    const status = line.pending ? '…' : line.status === 0 ? 'none' : String(line.status);
                    const tone = line.pending ? 'pending' : line.status >= 200 && line.status < 300 ? 'ok' : 'failed';
                    const title = `${line.method} ${line.route}: ${line.pending ? 'waiting' : line.status === 0 ? 'no answer (the app gave up, or the connection broke)' : `HTTP ${line.status}`}`;
                    return (
                        <li
                            key={line.id}
                            className={`request request-${tone}`}
                            title={title}
                            data-qa="request"
                            data-route={line.route}
                            data-status={line.status}
                        >
                            <span className="request-time">{clockTime(line.at)}</span>
                            <span className="request-route">{line.route}</span>
                            <span className="request-status">{status}</span>
                            <span className="request-duration">{line.pending || line.durationMs === null ? '' : `${line.durationMs} ms`}</span>
                        </li>
                    );
                })}
        </ol>
    );
}
