/**
 * A verified identity without a connector app: the brand's website signs the visitor's LivePerson id (an HS256
 * JWT bound to the visitor's token) and puts it into the visitor field. The visitor can copy the value, not forge it.
 */
import { primaryAccountId, seedParticipantId, stringNumbersParticipantId } from '../support/liveperson-fixtures';
import { bindingOf, signedLivePersonId, signJwt } from '../support/signedIds';
import { useWorld } from '../support/useWorld';
import { readPanel, SIGNING_SECRET } from '../support/world';

const world = useWorld({ settings: { lp_signing_secret: SIGNING_SECRET } });
const panel = () => readPanel(world.panel());
const tokenOf = (visitorId: string) => world.workspace.visitors.get(visitorId)?.token ?? '';
const setField = (visitorId: string, value: string) =>
    world.workspace.updateVisitor(visitorId, (visitor) => ({ ...visitor, livechatData: { lpParticipantId: value } }));
const signedFor = (visitorId: string, overrides: Record<string, unknown> = {}, secret = SIGNING_SECRET) =>
    signJwt(
        { sub: seedParticipantId, aud: `lp:${primaryAccountId}`, exp: Math.floor(Date.now() / 1000) + 600, rcv: bindingOf(tokenOf(visitorId)), ...overrides },
        secret,
    );
const details = async () => {
    await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.none);
    return panel().fields;
};

/** A signed value that fails a check is worth what a visitor could type, and said so. */
const EDITABLE = 'Unverified: visitor-editable id';

describe("ids the brand's website signs", () => {
    it('a good signature, audience, expiry and binding: "Verified by your website", LivePerson’s name, the raw value never shown', async () => {
        const value = signedLivePersonId({
            sub: seedParticipantId,
            accountId: primaryAccountId,
            visitorToken: tokenOf(world.visitors.none.id),
            secret: SIGNING_SECRET,
        });
        setField(world.visitors.none.id, value);
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state).toMatchObject({ variant: 'success', title: 'Verified by your website', text: expect.stringContaining('Your website signed') });
        expect(panel().name).toBe('Test User');
        await world.click(world.users.agent, { actionId: 'lpvi-host-fields' }, world.rooms.none);
        expect(panel().fields.get('Lp participant id')).toBe('signed LivePerson id');
        expect(Object.fromEntries(await details())).toMatchObject({
            'Id found in': 'the signed visitor field lpParticipantId',
            'Identity checked by': "your website's signature (verified)",
        });
        expect(JSON.stringify(world.panel())).not.toContain(value.split('.')[2]);
    });

    it('the same value copied into another visitor’s field: "Unverified: visitor-editable id", signed for another visitor', async () => {
        setField(world.visitors.field.id, signedFor(world.visitors.field.id));
        setField(world.visitors.none.id, signedFor(world.visitors.field.id));
        await world.command(world.users.agent, world.rooms.field);
        expect(panel().state?.title).toBe('Verified by your website');
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state).toMatchObject({ variant: 'warning', title: 'Unverified: visitor-editable id' });
        expect(panel().name).toBe('Anonymous Visitor');
        expect((await details()).get('Id found in')).toBe('the visitor field lpParticipantId: signed for another visitor');
    });

    it.each([
        [
            'a tampered id',
            EDITABLE,
            () =>
                signedFor(world.visitors.none.id).replace(
                    /^([^.]+)\.[^.]+/,
                    (_all, header: string) =>
                        `${header}.${Buffer.from(JSON.stringify({ sub: stringNumbersParticipantId, aud: `lp:${primaryAccountId}`, exp: 9e9, rcv: bindingOf(tokenOf(world.visitors.none.id)) })).toString('base64url')}`,
                ),
            "the signature doesn't match",
        ],
        ['a wrong secret', EDITABLE, () => signedFor(world.visitors.none.id, {}, 'guessed'), "the signature doesn't match"],
        ['an expired value', EDITABLE, () => signedFor(world.visitors.none.id, { exp: Math.floor(Date.now() / 1000) - 3600 }), 'the signature expired'],
        ['another account', EDITABLE, () => signedFor(world.visitors.none.id, { aud: 'lp:87654321' }), 'signed for another LivePerson account'],
        [
            'an unsigned value (alg none)',
            EDITABLE,
            () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${signedFor(world.visitors.none.id).split('.')[1]}.`,
            'not signed with HS256',
        ],
        // No readable subject: the value names no one the app could ask LivePerson about.
        ['a malformed value', 'Unusable LivePerson id', () => 'eyJhbGciOiJIUzI1NiJ9.not-json.c2ln', 'not a readable signed id'],
    ])('%s is shown as "%s", and the technical details say why', async (_name, title, value, why) => {
        setField(world.visitors.none.id, value());
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state?.title).toBe(title);
        expect((await details()).get('Id found in')).toBe(`the visitor field lpParticipantId: ${why}`);
        expect(world.panelText()).not.toContain('Verified by your website');
    });

    it('without a signing secret set, a signed value is only what the visitor could have typed', async () => {
        await world.saveSettings({ lp_signing_secret: '' });
        setField(world.visitors.none.id, signedFor(world.visitors.none.id));
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state?.title).toBe('Unverified: visitor-editable id');
        expect((await details()).get('Id found in')).toBe('the visitor field lpParticipantId: no signing secret is set');
    });

    it('the secret is a password setting: status says only that it is set, and no log line, view or message holds it', async () => {
        // As the engine holds it for the admin's settings page: a password field, never shown back.
        expect(world.manager.getSettingsManager().getAppSetting(world.appId, 'lp_signing_secret')).toMatchObject({ type: 'password' });
        setField(world.visitors.none.id, signedFor(world.visitors.none.id));
        await world.command(world.users.agent, world.rooms.none);
        await world.command(world.users.admin, world.rooms.channel, 'status', world.visitors.none.id);
        const fields = readPanel({ blocks: world.host.notices.at(-1)?.blocks ?? [] } as never).fields;
        expect(fields.get('Signing secret for LivePerson ids')).toBe('set (hidden)');
        expect(fields.get('Identity checked by')).toBe("your website's signature (verified)");
        // The after-test check holds the secret against every view, message and app log line.
    });
});
