import type { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import type { HostVisitor } from './HostVisitor';
import { parseHostVisitor } from './parseHostVisitor';

/** The full visitor by id (the room only carries a summary), and its department's name. */
export async function readHostVisitor(read: IRead, visitorId: string): Promise<{ visitor: HostVisitor; departmentName?: string } | undefined> {
    const livechat = read.getLivechatReader();
    const visitor = parseHostVisitor(await livechat.getLivechatVisitorById(visitorId));
    if (!visitor) {
        return undefined;
    }
    if (!visitor.departmentId) {
        return { visitor };
    }
    // A department the app may not read (or a deleted one) is shown by its id rather than failing the panel.
    const department = await livechat.getLivechatDepartmentByIdOrName(visitor.departmentId).catch(() => undefined);
    return { visitor, departmentName: department?.name };
}
