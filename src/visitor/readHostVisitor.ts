import type { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { IDepartment } from '@rocket.chat/apps-engine/definition/livechat';

import type { HostVisitor } from './HostVisitor';
import { parseHostVisitor } from './parseHostVisitor';

/**
 * The full visitor by id (a room carries the visitor a server converted, but not every server the same way), and
 * its department's name: from the room's department when it is the same one (a real server's room carries the
 * whole department), else read.
 */
export async function readHostVisitor(
    read: IRead,
    visitorId: string,
    roomDepartment?: Partial<IDepartment>,
): Promise<{ visitor: HostVisitor; departmentName?: string } | undefined> {
    const livechat = read.getLivechatReader();
    const visitor = parseHostVisitor(await livechat.getLivechatVisitorById(visitorId));
    if (!visitor) return undefined;
    if (!visitor.departmentId) return { visitor };
    if (roomDepartment?.id === visitor.departmentId && typeof roomDepartment.name === 'string') return { visitor, departmentName: roomDepartment.name };
    // A department the app may not read (or a deleted one) is shown by its id rather than failing the panel.
    const department = await livechat.getLivechatDepartmentByIdOrName(visitor.departmentId).catch(() => undefined);
    return { visitor, departmentName: department?.name };
}
