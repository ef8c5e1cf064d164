import { livePersonHost, livePersonHostProblem, urlOn } from '../../src/liveperson/destinations';

describe('where credentials may go: DNS names under liveperson.net, over https', () => {
    it.each(['api.liveperson.net', 'va.agentvep.liveperson.net', 'lo.msghist.liveperson.net', 'z1-a.le.liveperson.net'])('%s is a LivePerson host', (host) => {
        expect(livePersonHostProblem(host)).toBeUndefined();
        expect(urlOn(host, '/api/x?v=1')).toBe(`https://${host}/api/x?v=1`);
    });

    it("upper case is lower-cased first, as in the Domain API's documented answer (exampleDomain.liveperson.net)", () => {
        expect(livePersonHost(' exampleDomain.liveperson.net ')).toBe('exampledomain.liveperson.net');
        expect(urlOn('VA.AgentVep.LivePerson.net', '/login')).toBe('https://va.agentvep.liveperson.net/login');
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
        ['[::1]', 'notHostName'],
        ['va..liveperson.net', 'notHostName'],
        ['-va.liveperson.net', 'notHostName'],
        ['', 'notHostName'],
    ])('%s is refused (%s), and no URL is built for it', (host, problem) => {
        expect(livePersonHostProblem(host)).toBe(problem);
        expect(livePersonHost(host)).toBeUndefined();
        expect(urlOn(host, '/login')).toBeUndefined();
    });
});
