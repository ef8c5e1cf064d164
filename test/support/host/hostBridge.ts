/**
 * Puts the shared host methods behind an engine's own bridge classes. The engine calls a bridge's public `do*`
 * wrapper (its code: permission checks included), which calls the protected method a host implements; here that
 * method comes from bridgeMethods.ts. A host method no test implements fails loudly and is recorded, since apps
 * and the engine often swallow a failed host call.
 */
import type { Methods } from './bridgeMethods';
import type { HostRecorder } from './recorder';

export interface BridgeBinding {
    recorder: HostRecorder;
    /** Host methods this host does not have at all (a Rocket.Chat older than the method): calling one is a TypeError. */
    absent?: readonly string[];
}

const wrapperOf = (method: string) => `do${method.charAt(0).toUpperCase()}${method.slice(1)}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function hostBridge<T extends object>(Base: abstract new (...args: any[]) => T, name: string, methods: Methods, binding: BridgeBinding): T {
    const instance = Reflect.construct(Base, []) as T & Methods;
    for (const [method, implementation] of Object.entries(methods)) {
        Object.defineProperty(instance, method, {
            value: (...args: unknown[]) => {
                binding.recorder.countCall(`${name}.${method}`);
                return implementation(...args);
            },
        });
    }
    return new Proxy(instance, {
        get(target, property, receiver) {
            if (typeof property === 'string' && !(property in target) && wrapperOf(property) in target && !binding.absent?.includes(property)) {
                return () => {
                    binding.recorder.unimplemented.push(`${name}.${property}`);
                    throw new Error(`not implemented in the test bridges: ${name}.${property}`);
                };
            }
            return Reflect.get(target, property, receiver);
        },
    });
}

/** A bridge the engine declares as an interface only (IInternalBridge, IListenerBridge): every method is unimplemented. */
function interfaceBridge(name: string, binding: BridgeBinding): object {
    return new Proxy(
        {},
        {
            get(_target, property) {
                if (typeof property !== 'string' || property === 'then' || property === 'toJSON') return undefined;
                return () => {
                    binding.recorder.unimplemented.push(`${name}.${property}`);
                    throw new Error(`not implemented in the test bridges: ${name}.${property}`);
                };
            },
        },
    );
}

/**
 * An engine's `AppBridges`, answering every `get<Name>Bridge()` with that engine's `<Name>` class bound to the
 * host methods for it (none for a bridge the app never reaches).
 */
export function hostBridges<T extends object>(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    AppBridgesBase: abstract new (...args: any[]) => T,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    bridgeClasses: Record<string, any>,
    methodsFor: (className: string) => Methods | undefined,
    plainObjects: Record<string, object>,
    binding: BridgeBinding,
): T {
    const built = new Map<string, object>();
    const bridgeFor = (className: string): object => {
        let bridge = built.get(className);
        if (!bridge) {
            const Base = bridgeClasses[className];
            bridge =
                plainObjects[className] ?? (Base ? hostBridge(Base, className, methodsFor(className) ?? {}, binding) : interfaceBridge(className, binding));
            built.set(className, bridge);
        }
        return bridge;
    };
    const instance = Reflect.construct(AppBridgesBase, []) as T;
    return new Proxy(instance, {
        get(target, property, receiver) {
            const match = typeof property === 'string' ? /^get(\w+Bridge)$/.exec(property) : null;
            return match ? () => bridgeFor(match[1]) : Reflect.get(target, property, receiver);
        },
    });
}
