import type { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

/** The accessors the host hands to every command and interaction. */
export interface Accessors {
    read: IRead;
    modify: IModify;
    http: IHttp;
    persis: IPersistence;
}
