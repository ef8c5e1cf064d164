import { fail } from './failures';
import type { LivePersonCall } from './LivePersonCall';
import type { LoginRefusal } from './session';
import { loginBackoffMs } from './sessionPolicy';

/** Statuses that mean "these credentials will not work": retrying them only locks the LivePerson user out. */
const REFUSALS = new Set([400, 401, 403, 451]);

export const isRefusal = (status: number | undefined): boolean => status !== undefined && REFUSALS.has(status);

/**
 * Refused logins, remembered per settings (in memory and in persistence, so every instance and the jobs hold
 * back too): no login is tried again until the back-off passes or the credentials change.
 */
export class LoginRefusals {
    private known: LoginRefusal | undefined;

    /** Throws the refusal, with when to try again, while the back-off runs. */
    async holdBack(call: LivePersonCall): Promise<void> {
        const refusal = await this.current(call);
        if (!refusal) {
            return;
        }
        const waitMs = refusal.lastAt + loginBackoffMs(refusal.refusals) - Date.now();
        if (waitMs > 0) {
            fail({
                kind: refusal.status === 403 || refusal.status === 451 ? 'forbidden' : refusal.status === 400 ? 'misconfigured' : 'auth',
                step: 'login',
                status: refusal.status,
                message: `LivePerson refused the login ${refusal.refusals} time(s): not trying again for ${Math.ceil(waitMs / 1000)} s`,
                correlationId: call.correlationId,
                retryAfterSeconds: Math.ceil(waitMs / 1000),
                notSent: true,
            });
        }
    }

    async refused(call: LivePersonCall, status: number): Promise<void> {
        const previous = await this.current(call);
        this.known = { fingerprint: call.settings.fingerprint, refusals: (previous?.refusals ?? 0) + 1, lastAt: Date.now(), status };
        await call.store.saveRefusal(this.known);
    }

    async accepted(call: LivePersonCall): Promise<void> {
        // Another instance's refusal may be in the store: a login LivePerson accepted ends it for everyone.
        if (this.known || (await call.store.loadRefusal())) {
            this.known = undefined;
            await call.store.saveRefusal(undefined);
        }
    }

    forget(): void {
        this.known = undefined;
    }

    /** Whether this instance is waiting out a refusal now (what it knows without asking the store). */
    get holdingBack(): boolean {
        return this.known !== undefined && this.known.lastAt + loginBackoffMs(this.known.refusals) > Date.now();
    }

    private async current(call: LivePersonCall): Promise<LoginRefusal | undefined> {
        const known = this.known ?? (await call.store.loadRefusal());
        this.known = known?.fingerprint === call.settings.fingerprint ? known : undefined;
        return this.known;
    }
}
