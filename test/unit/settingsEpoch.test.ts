import { SettingsEpoch } from '../../src/liveperson/settingsEpoch';

describe('which LivePerson settings are current', () => {
    it('settings from a later read win, even when they bring back settings used before', () => {
        const epoch = new SettingsEpoch();
        expect(epoch.admit({ fingerprint: 'A', readNumber: 1 })).toBe('changed');
        expect(epoch.admit({ fingerprint: 'B', readNumber: 2 })).toBe('changed');
        // The admin reverted on another instance; this one sees it on its next read.
        expect(epoch.admit({ fingerprint: 'A', readNumber: 3 })).toBe('changed');
        expect(epoch.admit({ fingerprint: 'A', readNumber: 3 })).toBe('current');
        expect(epoch.isCurrent('A')).toBe(true);
    });

    it('a call that read the settings before a save is stale afterwards, and stays so', () => {
        const epoch = new SettingsEpoch();
        epoch.admit({ fingerprint: 'old', readNumber: 1 });
        expect(epoch.declare('new', 2)).toBe('changed');
        expect(epoch.admit({ fingerprint: 'old', readNumber: 1 })).toBe('stale');
        expect(epoch.admit({ fingerprint: 'old', readNumber: 1 })).toBe('stale');
        expect(epoch.admit({ fingerprint: 'new', readNumber: 2 })).toBe('current');
    });

    it('a save read that finishes after a later save read changes nothing', () => {
        const epoch = new SettingsEpoch();
        expect(epoch.declare('first save', 1)).toBe('first');
        expect(epoch.declare('third', 3)).toBe('changed');
        expect(epoch.declare('second', 2)).toBe('stale');
        expect(epoch.isCurrent('third')).toBe(true);
    });

    it('a read that found no usable settings is replaced by the next good read', () => {
        const epoch = new SettingsEpoch();
        epoch.declare('A', 1);
        expect(epoch.declare(undefined, 2)).toBe('changed');
        expect(epoch.admit({ fingerprint: 'A', readNumber: 1 })).toBe('stale');
        expect(epoch.admit({ fingerprint: 'A', readNumber: 3 })).toBe('changed');
    });
});
