import { isLivePersonHost, livePersonHostProblem, RefusedDestinationError, urlOn } from '../../src/liveperson/api/destinations';

describe('where credentials may go: DNS names under liveperson.net', () => {
    it.each(['api.liveperson.net', 'va.agentvep.liveperson.net', 'lo.msghist.liveperson.net', 'z1-a.le.liveperson.net'])('%s is a LivePerson host', (host) => {
        expect(livePersonHostProblem(host)).toBeUndefined();
        expect(urlOn(host, '/api/x?v=1')).toBe(`https://${host}/api/x?v=1`);
    });

    it.each([
        ['evil.example', 'notLivePerson'],
        ['va.agentvep.liveperson.com', 'notLivePerson'],
        ['va.agentvep.liveperson.net.evil.example', 'notLivePerson'],
        ['liveperson.net', 'notLivePerson'],
        ['127.0.0.1', 'notLivePerson'],
        ['169.254.169.254', 'notLivePerson'],
        ['localhost', 'notLivePerson'],
        ['user@evil.example', 'notHostName'],
        ['va.agentvep.liveperson.net:8443', 'notHostName'],
        ['va.agentvep.liveperson.net/path', 'notHostName'],
        ['VA.agentvep.liveperson.net', 'notHostName'],
        ['[::1]', 'notHostName'],
        ['va..liveperson.net', 'notHostName'],
        ['-va.liveperson.net', 'notHostName'],
        ['', 'notHostName'],
    ])('%s is refused (%s), and no URL is built for it', (host, problem) => {
        expect(livePersonHostProblem(host)).toBe(problem);
        expect(isLivePersonHost(host)).toBe(false);
        expect(() => urlOn(host, '/login')).toThrow(RefusedDestinationError);
    });
});
