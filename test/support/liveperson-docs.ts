/**
 * LivePerson's own documented example requests and answers, transcribed verbatim from developers.liveperson.com (data for tests).
 *
 * Bodies are kept as the text the page shows (whitespace, tabs, odd values such as "undefined" strings, numbers as strings,
 * mixed-case hosts, even LivePerson's JSON mistakes), so a test can feed them to a parser exactly as LivePerson published them.
 * `page` is the developers.liveperson.com permalink (from the page's front matter). `source` is the Markdown file in the docs
 * repository: LivePersonInc/developer-center (the indexed copy of the docs sources; LivePersonInc/developers-community, the
 * current repository, was too large to fetch). Where the live page differs from that revision, the comment says so.
 * Trimming: only whole records/members were removed from the long Messaging Interactions answers (listed per entry); removing a
 * last member also drops the comma before it. No value was edited. Research notes: /work/notes/liveperson-research.md.
 */

export interface DocumentedRequest {
    method: 'GET' | 'POST';
    url: string;
    headers?: Readonly<Record<string, string>>;
    cookies?: Readonly<Record<string, string>>;
    body?: string;
}

export interface DocumentedResponse {
    status: number;
    headers?: Readonly<Record<string, string>>;
    cookies?: Readonly<Record<string, string>>;
    /** Verbatim body text; '' where the page says "OK with empty body". */
    body?: string;
    /** false where the published example is not valid JSON (kept as published). */
    validJson?: boolean;
}

export interface DocumentedExample {
    page: string;
    source: string;
    request?: DocumentedRequest;
    response?: DocumentedResponse;
    /** Other documented answers (error bodies). */
    otherResponses?: readonly DocumentedResponse[];
    /** Response codes as the page's table words them. */
    statuses?: Readonly<Record<number, string>>;
    /** Application login: the older OAuth1 request body. */
    oauth1Body?: string;
    /** Request filter examples from the page (verbatim one-line JSON). */
    filterExamples?: Readonly<Record<string, string>>;
    /** The answer's SDE events, one verbatim text per type, by container. */
    sdeEvents?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const DC = 'LivePersonInc/developer-center';

// ---- Messaging Interactions: engagement attributes answer, split into its SDE events (each a whole set of lines of the page). ----
// Page: messaging-interactions-api-engagement-attributes.html. Indentation is tabs on the page; the first line is " {" (a space).

const EA_HEAD = String.raw` {
	"_metadata": {
		"count": 1,
		"self": {
			"rel": "self",
			"href": "https://localhost:8082/messaging_history/api/account/qa51680169/conversations/search?limit=50&offset=0"
		},
		"shardsStatusResult": {
			"partialResult": false
		}
	},
	"conversationHistoryRecords": [
		{
			"info": {
				"startTime": "2016-08-29 14:30:24.565+0000",
				"startTimeL": 1472481024565,
				"endTime": "undefined",
				"endTimeL": -1,
				"duration": 78970,
				"conversationId": "e5c58e49-e4a5-40a8-8a18-d6580d1d5630",
				"brandId": "qa26409991",
				"latestAgentId": "3677470410",
				"latestAgentNickname": "michal@lp.com",
				"latestAgentFullName": "michal@lp.com",
				"latestAgentLoginName": "michal@lp.com",
				"agentDeleted": false,
				"latestSkillId": -1,
				"latestSkillName": "Unassigned",
				"source": "APP",
				"closeReason": "AGENT",
				"closeReasonDescription": "MANUAL_CLOSE",
				"mcs": 67,
				"alertedMCS": 1,
				"status": "OPEN",
				"firstConversation": false,
				"csatRate": 5,
				"device": "undefined",
				"browser": "chrome",
				"operatingSystem": "NA",
				"latestAgentGroupId": -1,
				"latestAgentGroupName": "Unassigned",
				"latestQueueState": "ACTIVE",
				"isPartial": false
			},
			"consumerParticipant": [
				{
					"participantId": "f92c9890-2c95-428b-8a32-083528620d31",
					"firstName": "Visitor",
					"lastName": "Test",
					"token": "undefined",
					"email": "undefined",
					"phone": "0",
					"avatarURL": "undefined",
					"time": "2016-08-29 14:30:24.573+0000",
					"timeL": 1472481024573,
					"consumerName": "Visitor"
				}
			],
			"sdes": {
				"events": [`;
const EA_MID = String.raw`				]
			},
			"unAuthSdes": {
				"events": [`;
const EA_TAIL = String.raw`				]
			},
			"summary": {
				"text": "summary",
				"lastUpdatedTime": 1482333795318
			}
		}
	]
}`;

/** Authenticated SDEs as they appear in `sdes.events` (no `isAuthenticated` key on these). */
const EA_AUTH_EVENTS = {
    CUSTOMER_INFO: String.raw`					{
						"customerInfo": {
							"serverTimeStamp": "1497871291351",
							"originalTimeStamp": "1497871291351",
							"customerInfo": {
								"customerId": "12345678",
								"companyBranch": "dummyCompanyBranch"
							}
						},
						"sdeType": "CUSTOMER_INFO",
						"serverTimeStamp": "1497871291351"
					}`,
    PERSONAL_INFO: String.raw`					{
						"personalInfo": {
							"serverTimeStamp": "1497871291351",
							"originalTimeStamp": "1497871291351",
							"personalInfo": {
								"name": "dummyName",
								"surname": "dummySurename",
								"contacts": [
									{
										"personalContact": {
											"email": "dummy@mail.com",
											"phone": "12345678"
										}
									}
								]
							}
						},
						"sdeType": "PERSONAL_INFO",
						"serverTimeStamp": "1497871291351"
					}`,
} as const;

/** Unauthenticated SDEs as they appear in `unAuthSdes.events` (in the page's order; each carries "isAuthenticated": false). */
const EA_UNAUTH_EVENTS = {
    CART_STATUS: String.raw`					{
						"cartStatus": {
							"serverTimeStamp": "1528628536879",
							"originalTimeStamp": "1528636540046",
							"total": "11.7",
							"currency": "USD",
							"numItems": "6",
							"products": [
								{
									"quantity": "1",
									"product": {
										"name": "prod1",
										"category": "category",
										"sku": "sku",
										"price": "7.8"
									}
								}
							]
						},
						"serverTimeStamp": "1528628536879",
						"sdeType": "CART_STATUS",
						"isAuthenticated": false
					}`,
    MARKETING_CAMPAIGN_INFO: String.raw`					{
						"marketingCampaignInfo": {
							"serverTimeStamp": "1528628536880",
							"originalTimeStamp": "1528636540046",
							"marketingCampaignInfo": {
								"originatingChannel": "1",
								"affiliate": "Yahoo",
								"campaignId": "US coupon campaign"
							}
						},
						"serverTimeStamp": "1528628536880",
						"sdeType": "MARKETING_CAMPAIGN_INFO",
						"isAuthenticated": false
					}`,
    CUSTOMER_INFO: String.raw`					{
						"customerInfo": {
							"serverTimeStamp": "1528628536880",
							"originalTimeStamp": "1528636540046",
							"isAuthenticated": false,
							"customerInfo": {
								"customerStatus": "cancelled",
								"customerType": "vip",
								"balance": "-400.99",
								"currency": "USD",
								"customerId": "customerId",
								"socialId": "socialid",
								"imei": "imeiID",
								"userName": "username",
								"accountName": "nameacount",
								"role": "rollleeee",
								"companyBranch": "companyBranch",
								"storeNumber": "storeNumber13123",
								"storeZipCode": "2342221",
								"lastPaymentDate": {
									"year": "2014",
									"month": "10",
									"day": "15"
								},
								"registrationDate": {
									"year": "2013",
									"month": "5",
									"day": "23"
								},
								"companySize": "2222"
							}
						},
						"serverTimeStamp": "1528628536880",
						"sdeType": "CUSTOMER_INFO",
						"isAuthenticated": false
					}`,
    PERSONAL_INFO: String.raw`					{
						"personalInfo": {
							"serverTimeStamp": "1528628536880",
							"originalTimeStamp": "1528636540046",
							"isAuthenticated": false,
							"personalInfo": {
								"name": "John",
								"surname": "Doe",
								"gender": "MALE",
								"company": "company",
								"language": "Russian",
								"customerAge": {
									"customerAgeInYears": "34.0",
									"customerYearOfBirth": "1980",
									"customerMonthOfBirth": "4",
									"customerDateOfBirth": "15"
								},
								"contacts": [
									{
										"personalContact": {
											"email": "myname@example.com",
											"phone": "+1 212-788-8877"
										}
									}
								]
							}
						},
						"serverTimeStamp": "1528628536880",
						"sdeType": "PERSONAL_INFO",
						"isAuthenticated": false
					}`,
    SEARCH_CONTENT: String.raw`					{
						"searchContent": {
							"serverTimeStamp": "1528628536881",
							"originalTimeStamp": "1528636540046",
							"keywords": [
								"word"
							]
						},
						"serverTimeStamp": "1528628536881",
						"sdeType": "SEARCH_CONTENT",
						"isAuthenticated": false
					}`,
    VIEWED_PRODUCT: String.raw`					{
						"viewedProduct": {
							"serverTimeStamp": "1528628536881",
							"originalTimeStamp": "1528636540046",
							"products": [
								{
									"quantity": 3,
									"product": {
										"name": "red high heel shoe",
										"category": "women shoes",
										"sku": "xyz567",
										"price": "77.8"
									}
								}
							],
							"currency": "USD"
						},
						"serverTimeStamp": "1528628536881",
						"sdeType": "VIEWED_PRODUCT",
						"isAuthenticated": false
					}`,
    VISITOR_ERROR: String.raw`					{
						"visitorError": {
							"serverTimeStamp": "1528628536881",
							"originalTimeStamp": "1528636540046",
							"visitorError": {
								"contextId": "contextId",
								"message": "Expiration date missing",
								"code": "er100004",
								"level": null,
								"resolved": null
							}
						},
						"serverTimeStamp": "1528628536881",
						"sdeType": "VISITOR_ERROR",
						"isAuthenticated": false
					}`,
    // Not valid JSON on the page: no comma after "serverTimeStamp": "1528628536882" and a trailing comma after originalTimeStamp.
    LEAD: String.raw`					{
						"lead": {
							"lead": {
								"topic": "luxury car test drive 2015",
								"value": "22.22",
								"currency": null,
								"leadId": "xyz123"
							},
							"serverTimeStamp": "1528628536882"
							"originalTimeStamp": "1528636540046",
						},
						"serverTimeStamp": "1528628536882",
						"sdeType": "LEAD",
						"isAuthenticated": false
					}`,
    PURCHASE: String.raw`					{
						"purchase": {
							"total": "78.0",
							"currency": null,
							"serverTimeStamp": "1528628536882",
							"originalTimeStamp": "1528636540046",
							"cart": {
								"total": null,
								"serverTimeStamp": null,
								"products": [],
								"numItems": null
							},
							"orderId": "Test123"
						},
						"serverTimeStamp": "1528628536882",
						"sdeType": "PURCHASE",
						"isAuthenticated": false
					}`,
    SERVICE_ACTIVITY: String.raw`					{
						"serviceActivity": {
							"serverTimeStamp": "1528628536882",
							"originalTimeStamp": "1528636540046",
							"serviceActivity": {
								"topic": "order checkbook",
								"status": "0",
								"category": "finance",
								"serviceId": "service12"
							}
						},
						"serverTimeStamp": "1528628536882",
						"sdeType": "SERVICE_ACTIVITY",
						"isAuthenticated": false
					}`,
} as const;

const EA_BODY = [EA_HEAD, Object.values(EA_AUTH_EVENTS).join(',\n'), EA_MID, Object.values(EA_UNAUTH_EVENTS).join(',\n'), EA_TAIL].join('\n');

// The 200 answer of both login pages (user login, application login): the same text on each, kept once.
const LOGIN_ANSWER: DocumentedResponse = {
    status: 200,
    cookies: { Session_id: 'Login session ID (should be passed to the refresh and logout methods)' },
    body: String.raw`{
  "csrf": "d5d07326cfe2240b9453e19e8092c59844921dcdc6ebb105c55fea9ed45c9d77",
  "wsuk": "766900772095619056",
  "config": {
    "loginName": "name",
    "userId": "3705342610",
    "userPrivileges": [
      100,
      101,
      1730,
      1731,
      1732,
      1733,
      1734,
      1735
    ],
    "serverCurrentTime": 1474549184722,
    "timeDiff": -25200000,
    "serverTimeZoneName": "Europe/Athens",
    "serverTimeGMTDiff": 10800000,
    "isLPA": false,
    "isAdmin": true,
    "accountTimeZoneId": "Europe/Athens"
  },
  "csdsCollectionResponse": {
    "baseURIs": [
      {
"account": "123456",
"baseURI": "domain.domain.net",
"service": "smt"
      },
      {
"account": "123456",
"baseURI": "domain.domain.net",
"service": "agentVep"
      }
    ]
  },
  "accountData": {
    "agentGroupsData": {
      "items": [
{
  "id": -1,
  "deleted": false,
  "name": "Main Group"
}
      ],
      "revision": 1
    }
  },
  "sessionTTl": "28800000",
  "bearer": "9cf6ee24b6a1031e202f292a0ad20c8f52bfd9f01abc8b9489365995052c6603"
}`,
};

export const DOCUMENTED = {
    // Domain API, one service. https://developers.liveperson.com/domain-api.html (also reached as retrieve-api-domains-using-the-domain-api.html,
    // agent-domain-domain-api.html). The current page shows this URL but answers it with the list example (see domainBulk): the page
    // contradicts itself. This single-service answer (one object, mixed-case host) is the example of earlier revisions of the same page
    // (permalink agent-domain-domain-api.html, whose field table calls service "AgentVep") and of login-service-api-overview.html; the
    // current revisions dropped it.
    domainService: {
        page: 'https://developers.liveperson.com/domain-api.html',
        source: `${DC}/pages/Documents/APIGuidelines/domain-api.md@1d5d5b9bb3a96081f1adecaf01edd15dc7848df5 (single-service body: earlier revisions)`,
        request: {
            method: 'GET',
            // Other revisions of the page and the Login Service overview write http:// here.
            url: 'https://api.liveperson.net/api/account/{accountId}/service/{serviceName}/baseURI.json?version=1.0',
        },
        response: {
            status: 200,
            body: String.raw`{
 "service": "agentVep",
 "account": "1234",
 "baseURI": "exampleDomain.liveperson.net"
}`,
        },
        statuses: {
            200: 'OK | Successfully retrieved the data.',
            400: 'Bad Request | Problem with body or query parameters.',
            401: 'Unauthorized | Bad Authentication (invalid site or agent).',
        },
    },

    // Domain API, all services. Request: https://developers.liveperson.com/before-you-get-started-let-s-get-started.html ("returns an array of
    // services and base URI"; http:// there). Body: the example of domain-api.html (shown there under the single-service URL). The indexed
    // revision of the getting-started page shows the same list with account "44661254", cut off after the third entry (not valid JSON).
    domainBulk: {
        page: 'https://developers.liveperson.com/domain-api.html',
        source: `${DC}/pages/Documents/APIGuidelines/domain-api.md@1d5d5b9bb3a96081f1adecaf01edd15dc7848df5`,
        request: {
            method: 'GET',
            url: 'http://api.liveperson.net/api/account/{accountId}/service/baseURI.json?version=1.0',
        },
        response: {
            status: 200,
            body: String.raw`{
    "baseURIs": [
        {
            "service": "liveEngageUI",
            "account": "EXAMPLE123",
            "baseURI": "lo.le1.liveperson.net"
        },
        {
            "service": "visitorFeed",
            "account": "EXAMPLE123",
            "baseURI": "lo.v-feed.liveperson.net"
        },
        {
            "service": "etool",
            "account": "EXAMPLE123",
            "baseURI": "z2.etool.liveperson.net"
        }
    ]
}`,
        },
    },

    // Login Service, user login. https://developers.liveperson.com/login-service-api-methods-user-login.html (live page checked: same text).
    // The request example is indented by two spaces inside its code block, kept. No Set-Cookie header is shown; the page names the
    // "Session_id" response cookie. The answer's csrf differs from the csrf in the refresh/logout examples (examples do not chain).
    loginUser: {
        page: 'https://developers.liveperson.com/login-service-api-methods-user-login.html',
        source: `${DC}/pages/Documents/Security&Authentication/LoginServiceAPI/Methods/user-login.md@52c8d005ff281e1adf4e88f9e0d2261e808d6b8b`,
        request: {
            method: 'POST',
            url: 'https://{domain}/api/account/{accountId}/login?v=1.3',
            headers: { 'Content-Type': 'Application/JSON', Accept: 'Application/JSON' },
            body: String.raw`  {
    "username": "name",
    "password": "password"
  }`,
        },
        response: LOGIN_ANSWER,
        statuses: {
            200: 'OK — Successfully logged in',
            400: 'Bad request — Problem with body or query parameters',
            401: 'Unauthorized — Bad Authentication (invalid site or agent)',
            500: 'Internal server error',
        },
    },

    // Login Service, application (bot) login. https://developers.liveperson.com/login-service-api-methods-application-login.html
    // The live page's body is the OAuth2 one below ("accessToken & accessTokenSecret are deprecated values. Below are placeholder values to
    // login a bot user with oAuth2 client_credentials"); it is not in any indexed source revision, so it is transcribed from the stored
    // live page. The indexed revision's OAuth1 body is `oauth1Body`. The 200 answer on this page is the same text as loginUser's.
    loginApplication: {
        page: 'https://developers.liveperson.com/login-service-api-methods-application-login.html',
        source: `${DC}/pages/Documents/Security&Authentication/LoginServiceAPI/Methods/application-login.md@4c1046fcdc4ff284b2d8ee1319ca8de1ecc9dfb1 (OAuth2 body: live page)`,
        request: {
            method: 'POST',
            url: 'https://{domain}/api/account/{accountId}/login?v=1.3',
            headers: { 'Content-Type': 'Application/JSON', Accept: 'Application/JSON' },
            body: String.raw`{
   "username": "name",
   "appKey": "oauth2_client_id",
   "secret": "oauth2_client_secret",
   "accessToken": "dummy",
   "accessTokenSecret": "dummy"
}`,
        },
        oauth1Body: String.raw`{
   "username": "name",
   "appKey": "appKey_value",
   "secret": "secret_value",
   "accessToken": "accessToken_value",
   "accessTokenSecret": "accessTokenSecret_value"
}`,
        response: LOGIN_ANSWER,
        // Live page's table (the indexed revision has no 429 and says "invalid site or agent").
        statuses: {
            200: 'OK — Successfully logged in',
            400: 'Bad request — Problem with body or query parameters',
            401: 'Unauthorized — Bad Authentication (invalid site, agent, or credentials)',
            429: 'Too Many Requests — User attempted too many logins; retry after 5 seconds',
            500: 'Internal server error',
        },
    },

    // Login Service, refresh. https://developers.liveperson.com/login-service-api-methods-refresh.html ("It is best to call this method every
    // 3–5 minutes"). The URL has no ?v= on the page. 200 is documented as "OK with empty body".
    refresh: {
        page: 'https://developers.liveperson.com/login-service-api-methods-refresh.html',
        source: `${DC}/pages/Documents/Security&Authentication/LoginServiceAPI/Methods/refresh.md@992df8d4fdd86e56875ceadc883e381b05ee9b3d`,
        request: {
            method: 'POST',
            url: 'https://{domain}/api/account/{accountId}/refresh',
            headers: { 'Content-Type': 'Application/JSON', Accept: 'Application/JSON' },
            cookies: { Session_id: 'Login session ID (taken from the Login response cookie)' },
            body: String.raw`{
  "csrf":"87f9c1e535b03494194d0b5e76b48ca8f4497114a8ba20afb22a67f375a29adb"
}`,
        },
        response: { status: 200, body: '' },
        otherResponses: [
            {
                // "In case csrf is invalid, the response code is “401 Unauthorized” with the following body:"
                status: 401,
                body: String.raw`{
  "error": {
    "time": "Sep 22, 2016 4:10:15 PM",
    "message": "CSRF token invalid! The CSRF token on request does not match the CSRF token on the session",
    "internalCode": 10,
    "responseStatus": "UNAUTHORIZED"
  }
}`,
            },
        ],
        statuses: {
            200: 'OK with empty body',
            401: 'Unauthorized — Bad Authentication (invalid site or agent)',
            500: 'Internal server error',
        },
    },

    // Login Service, logout. https://developers.liveperson.com/login-service-api-methods-logout.html. No ?v= on the page. 200 "OK with empty body";
    // no example answer body beyond that is documented. The 401 body is the refresh one with different indentation.
    logout: {
        page: 'https://developers.liveperson.com/login-service-api-methods-logout.html',
        source: `${DC}/pages/Documents/Security&Authentication/LoginServiceAPI/Methods/logout.md@3533dd18e0e2eab3d243278e84120c7126227e8c`,
        request: {
            method: 'POST',
            url: 'https://{domain}/api/account/{accountId}/logout',
            headers: { 'Content-Type': 'Application/JSON', Accept: 'Application/JSON' },
            cookies: { Session_id: 'Login session ID (taken from the Login response cookie).' },
            body: String.raw`    {
        "csrf":"87f9c1e535b03494194d0b5e76b48ca8f4497114a8ba20afb22a67f375a29adb"
    }`,
        },
        response: { status: 200, body: '' },
        otherResponses: [
            {
                status: 401,
                body: String.raw`{
    "error": {
    "time": "Sep 22, 2016 4:10:15 PM",
    "message": "CSRF token invalid! The CSRF token on request does not match the CSRF token on the session",
    "internalCode": 10,
    "responseStatus": "UNAUTHORIZED"
    }
}`,
            },
        ],
        statuses: {
            200: 'OK with empty body',
            401: 'Unauthorized — Bad Authentication (invalid site or agent)',
            500: 'Internal server error',
        },
    },

    // Chat Agent API, start agent session. https://developers.liveperson.com/chat-agent-api-methods-start-agent-session.html (live page checked).
    // Documented code: 201 Created (only code in the table). No Location header is documented: the id is "Found in the @href element".
    // "{agentSession Id}" (with a space) is on the page. Trailing whitespace after the last brace on the page was dropped.
    startAgentSession: {
        page: 'https://developers.liveperson.com/chat-agent-api-methods-start-agent-session.html',
        source: `${DC}/pages/Documents/AgentExperience/ChatAgentAPI/Methods/start-agent-session.md@20b156ea9f81d94aa0aefd24da1553e62e89f594`,
        request: {
            method: 'POST',
            url: 'https://{domain}/api/account/{accountid}/agentSession?v=1&NC=true',
            headers: { Authorization: 'Bearer {bearer-from-login}', 'Content-Type': 'application/json', Accept: 'application/json' },
            body: String.raw`{
  "loginData": ""
}`,
        },
        response: {
            status: 201,
            body: String.raw`{
 "agentSessionLocation": {
   "link": {
     "@href": "https://{domain}/api/account/{accountId}/agentSession/{agentSession Id}",
     "@rel": "location"
   }
 }
}`,
        },
        statuses: { 201: 'Created' },
    },

    // Chat Agent API, Retrieve Participant Info. https://developers.liveperson.com/chat-agent-api-methods-retrieve-participant-info.html
    // Only 200 is documented. The page calls the JSON "Elements in the response". Numbers are JSON numbers here (unlike the SDEs in
    // Messaging Interactions v1 answers); contacts is an array.
    participantInfo: {
        page: 'https://developers.liveperson.com/chat-agent-api-methods-retrieve-participant-info.html',
        source: `${DC}/pages/Documents/AgentExperience/ChatAgentAPI/Methods/retrieve-participant-info.md@db34c4e50b20b5f06d5d7481bdfaec99ea050079`,
        request: {
            method: 'GET',
            url: 'https://{domain}/api/account/{accountId}/agentSession/{agentSessionId}/participantExtendedInfo/{participantId}?v=1&NC=true',
            headers: { Authorization: 'Bearer {bearer-from-login}', 'Content-Type': 'application/json', Accept: 'application/json' },
        },
        response: {
            status: 200,
            body: String.raw`{
   "authenticatedParticipantInfo":{
      "isUserAuthenticated":true,
      "participantId":"55fc1779-83b0-4e8b-8eea-503a8eaf8822",
      "balance":-400.99,
      "registrationDate":{
         "year":2013,
         "month":5,
         "day":23
      },
      "lastPaymentDate":{
         "year":2014,
         "month":10,
         "day":15
      },
      "customerId":"57ac-072a-5d10-4506-721f-9ebf",
      "customerStatus":"cancelled",
      "customerType":"vip",
      "socialId":"11256324780",
      "imei":"3543546543545688",
      "userName":"testuser",
      "companySize":500,
      "accountName":"bank corp",
      "role":"broker"
   },
   "authenticatedPersonalInfo":{
      "name":"Test",
      "surname":"User",
      "contacts":[
         {
            "email":"testuser@liveperson.com",
            "phone":"+1-10-344-3765333"
         }
      ]
   }
}`,
        },
        statuses: { 200: 'OK' },
    },

    // Messaging Interactions, Get Conversation by Conversation ID.
    // https://developers.liveperson.com/messaging-interactions-api-methods-get-conversation-by-conversation-id.html
    // Request body example: not documented (field table only: conversationId, or conversationIds "Limited to 100 conversations" on the live
    // page, contentToRetrieve). Answer: "See Response in the Conversations method" (messagingConversationsAnswer).
    conversationSearch: {
        page: 'https://developers.liveperson.com/messaging-interactions-api-methods-get-conversation-by-conversation-id.html',
        source: `${DC}/pages/Documents/Reporting/MessagingInteractionsAPI/Methods/get-conversation-by-conversation-id.md`,
        request: {
            method: 'POST',
            // Query parameter on the page: source (live page: Required, at most 20 characters, e.g. LP_AgentUI_History). No v, offset, limit, sort.
            url: 'https://{domain}/messaging_history/api/account/{accountID}/conversations/conversation/search',
        },
    },

    // Messaging Interactions, Get Conversations by Consumer ID.
    // https://developers.liveperson.com/messaging-interactions-api-methods-get-conversations-by-consumer-id.html
    // Request body example: not documented (field table: consumer, status "Valid values: "OPEN", " or "CLOSE"" [sic], contentToRetrieve).
    // Query parameters on the live page: offset (default 0), limit (default 50, max 100), source (Required). No v, no sort.
    // Answer: "See Response in the Conversations method" (messagingConversationsAnswer).
    consumerSearch: {
        page: 'https://developers.liveperson.com/messaging-interactions-api-methods-get-conversations-by-consumer-id.html',
        source: `${DC}/pages/Documents/Reporting/MessagingInteractionsAPI/Methods/get-conversations-by-consumer-id.md@cc5592afd98f0f0e0cfa20878bc2e9dfa5b0c6fd`,
        request: {
            method: 'POST',
            url: 'https://{domain}/messaging_history/api/account/{accountID}/conversations/consumer/search',
        },
    },

    // Messaging Interactions, Conversations (/conversations/search): the documented filter examples closest to the app's bodies, verbatim
    // from the page's "Filters examples" table (for /conversations/search, not for the two endpoints above; spacing as on the page).
    conversationsSearchFilterExamples: {
        page: 'https://developers.liveperson.com/messaging-interactions-api-methods-conversations.html',
        source: `${DC}/pages/Documents/Reporting/MessagingInteractionsAPI/Methods/conversations.md@533e3898f9f15b2bf56fef4803c56b3677cab194`,
        filterExamples: {
            status: String.raw`{"start":{"from":1470037448000,"to":1472543048000},"status":["CLOSE","OPEN"]}`,
            contentToRetrieve: String.raw`{"start":{"from":1518411320000,"to":-1},"contentToRetrieve":["campaign","messageRecords", "agentParticipants", "agentParticipantsLeave", "agentParticipantsActive","consumerParticipants", "transfers", "interactions", "messageScores","messageStatuses", "conversationSurveys", "coBrowseSessions", "summary", "sdes", "unAuthSdes", "monitoring", "responseTime", "intents", "latestAgentSurvey", "previouslySubmittedAgentSurveys"]}`,
        },
    },

    // Messaging Interactions, the Conversations page's JSON example (the answer of all three search methods).
    // https://developers.liveperson.com/messaging-interactions-api-methods-conversations.html
    // Trimmed: removed the whole messageRecords, agentParticipants, transfers, interactions, dialogs, messageScores, messageStatuses,
    // coBrowseSessions, intents, latestAgentSurvey and previouslySubmittedAgentSurveys members of the record.
    // Contradictions on the page: the example's info says "csatRate" while the field table says "csat"; startTime/endTime are strings while the
    // table types them "long"; "status": "OPEN" with closeReason/closeReasonDescription set and "endTime": "undefined", "endTimeL": -1. No
    // example of a CLOSED conversation's info is documented. This revision spells the key "consumerParticipants" (plural, like the table and
    // contentToRetrieve); the Historical Data revision of the same page and the engagement-attributes page spell it "consumerParticipant".
    messagingConversationsAnswer: {
        page: 'https://developers.liveperson.com/messaging-interactions-api-methods-conversations.html',
        source: `${DC}/pages/Documents/Reporting/MessagingInteractionsAPI/Methods/conversations.md@533e3898f9f15b2bf56fef4803c56b3677cab194`,
        response: {
            status: 200,
            body: String.raw`{
  "_metadata": {
    "count": 1,
    "self": {
      "rel": "self",
      "href": "https://localhost:8082/messaging_history/api/account/qa51680169/conversations/search?limit=50&offset=0"
    },
    "shardsStatusResult": {
      "partialResult": false
    }
  },
  "conversationHistoryRecords": [
    {
      "info": {
        "startTime": "2016-08-29 14:30:24.565+0000",
        "startTimeL": 1472481024565,
        "endTime": "undefined",
        "endTimeL": -1,
        "duration": 78970,
        "conversationId": "e5c58e49-e4a5-40a8-8a18-d6580d1d5630",
        "brandId": "qa26409991",
        "latestAgentId": "3677470410",
        "latestAgentNickname": "michal@lp.com",
        "latestAgentFullName": "michal@lp.com",
        "latestAgentLoginName": "michal@lp.com",
        "agentDeleted": false,
        "latestSkillId": -1,
        "latestSkillName": "Unassigned",
        "source": "APP",
        "closeReason": "AGENT",
        "closeReasonDescription": "MANUAL_CLOSE",
        "mcs": 67,
        "alertedMCS": 1,
        "status": "OPEN",
        "fullDialogStatus": "OPEN",
        "firstConversation": false,
        "csatRate": 5,
        "device": "undefined",
        "browser": "chrome",
        "operatingSystem": "NA",
        "latestAgentGroupId": -1,
        "latestAgentGroupName": "Unassigned",
        "latestQueueState": "ACTIVE",
        "isPartial": false,
        "pendingAgentSurvey": false
      },
      "campaign": {
        "campaignEngagementId": "2330596212",
        "campaignEngagementName": "Engagement-123",
        "campaignId": "2266771712",
        "campaignName": "Live_Chat_on_your_site",
        "goalId": "2266719412",
        "goalName": "Interact with visitors",
        "engagementAgentNote": "agent-note-test-messaging",
        "engagementSource": "WEB_SITE",
        "visitorBehaviorId": "2379540212",
        "visitorBehaviorName": "someVisitorBehavior",
        "engagementApplicationId": "28879660-84fd-4cd8-a1d7-ba3247bdb252",
        "engagementApplicationName": "Some Mobile App Test",
        "engagementApplicationTypeId": "92274cfd-29e7-4d94-a013-0646212d8075",
        "engagementApplicationTypeName": "Mobile App",
        "visitorProfileId": "2286779312",
        "visitorProfileName": "All visitors",
        "lobId": 2389848512,
        "lobName": "lob_123",
        "locationId": "2266779612",
        "locationName": "Entire site",
        "profileSystemDefault": true,
        "behaviorSystemDefault": false
      },
      "monitoring": {
        "country": "United States",
        "countryCode": "US",
        "state": "Michigan",
        "city": "Michigan",
        "isp": "AT&T U-verse",
        "org": "AT&T U-verse",
        "device": "DESKTOP",
        "ipAddress": "192.000.12.240",
        "browser": "Chrome 66.0.3359.181",
        "operatingSystem": "WINDOWS",
        "conversationStartPage": "https://testPage",
        "conversationStartPageTitle": "LivePerson Page"
      },
      "consumerParticipants": [
        {
          "participantId": "f92c9890-2c95-428b-8a32-083528620d31",
          "firstName": "Visitor",
          "lastName": "Test",
          "token": "undefined",
          "email": "undefined",
          "phone": "0",
          "avatarURL": "undefined",
          "time": "2016-08-29 14:30:24.573+0000",
          "timeL": 1472481024573,
          "consumerName": "Visitor",
          "dialogId": "cd5926e0-5b57-4c82-85c5-9c95f88263a1"
        }
      ],
      "conversationSurveys": [
        {
          "surveyType": "Satisfaction",
          "surveyStatus": "FILLED",
          "dialogId": "cd5926e0-5b57-4c82-85c5-9c95f88263a1",
          "surveyData": [
            {
              "question": "Confirm Resolution",
              "answer": "Yes"
            }
          ]
        }
      ],
      "sdes": {
        "events": [
          {
            "customerInfo": {
              "serverTimeStamp": "1497871291351",
              "originalTimeStamp": "1497871291351",
              "customerInfo": {
                "customerId": "12345678",
                "companyBranch": "dummyCompanyBranch"
              }
            },
            "sdeType": "CUSTOMER_INFO",
            "serverTimeStamp": "1497871291351"
          },
          {
            "personalInfo": {
              "serverTimeStamp": "1497871291351",
              "originalTimeStamp": "1497871291351",
              "personalInfo": {
                "name": "dummyName",
                "surname": "dummySurename",
                "contacts": [
                  {
                    "personalContact": {
                      "email": "dummy@mail.com",
                      "phone": "12345678"
                    }
                  }
                ]
              }
            },
            "sdeType": "PERSONAL_INFO",
            "serverTimeStamp": "1497871291351"
          }
        ]
      },
      "responseTime": {
        "latestEffectiveResponseDueTime": 1527174367230,
        "configuredResponseTime": 3000
      },
      "summary": {
        "text": "summary",
        "lastUpdatedTime": 1482333795318
      }
    }
  ]
}`,
        },
    },

    // Messaging Interactions, "JSON Example (including engagement attributes)".
    // https://developers.liveperson.com/messaging-interactions-api-engagement-attributes.html
    // Trimmed: removed the whole campaign, messageRecords, agentParticipants, transfers, interactions, messageScore, messageStatuses,
    // conversationSurveys and coBrowseSessions members of the record. The page's own contradictions: the key is "consumerParticipant"
    // (singular; field table and contentToRetrieve say consumerParticipants); "csatRate" (table: csat); "status": "OPEN" with close
    // fields set; personalInfo.customerAge is an object while the table says "Year of birth. For calculating age. | alphanumeric";
    // originatingChannel and serviceActivity.status are strings while the tables say int; viewedProduct quantity is a number (3) while
    // cartStatus quantity is a string ("1"); lead/purchase "currency": null. The LEAD event is not valid JSON (see EA_UNAUTH_EVENTS),
    // so this whole body does not parse as published; the other events parse one by one.
    messagingEngagementAttributesAnswer: {
        page: 'https://developers.liveperson.com/messaging-interactions-api-engagement-attributes.html',
        source: `${DC}/pages/Documents/Reporting/MessagingInteractionsAPI/engagement-attributes.md@f360447ab8694635671febe01aaf88c60a6ce423`,
        response: { status: 200, body: EA_BODY, validJson: false },
        sdeEvents: { sdes: EA_AUTH_EVENTS, unAuthSdes: EA_UNAUTH_EVENTS },
    },
} as const satisfies Readonly<Record<string, DocumentedExample>>;

/** The SDE types whose documented example appears inside a Messaging Interactions answer (engagement-attributes page). */
/** The engagement-attributes answer as published minus its LEAD event, which is not valid JSON on the page: the nine others are. */
export const engagementAttributesWithoutLead = (): string => {
    const example = DOCUMENTED.messagingEngagementAttributesAnswer;
    return (example.response?.body ?? '').replace(`,\n${example.sdeEvents?.unAuthSdes.LEAD ?? ''}`, '');
};

export const DOCUMENTED_SDE_TYPES = Object.keys(EA_UNAUTH_EVENTS) as readonly (keyof typeof EA_UNAUTH_EVENTS)[];
