/**
 * The fleet of one stack: every gateway, customer gateway, connection and route entry built with this
 * library, grouped by the VPN gateway they are on. Two jobs:
 *
 * - the rules between resources (`checkFleet`), run when the app is synthesized: each construct's
 *   validation asks for its own findings, all of them computed once per state of the fleet;
 * - serialized changes: on each gateway, every connection and route entry depends on the one before it
 *   (by construct path), kept up to date as members are added (each insertion touches two resources).
 */
import { IResolvable, IResolveContext, TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { addWarning } from './annotations';
import { Ipv4Cidr } from './net';
import { ReferenceKey } from './references';
import { TunnelMode } from '../tunnel';
import { Finding, formatFinding } from './rules/findings';
import { checkFleet } from './rules/fleet';

/** What the rules know of a VPN gateway. */
export interface GatewayFacts {
  readonly construct: IConstruct;
  readonly reference: ReferenceKey;
  /** Undefined when unknown (an imported gateway without a mode). */
  readonly tunnelMode?: TunnelMode;
  /** `public` or `private`; undefined when unknown. */
  readonly networkType?: string;
  readonly serializeChanges: boolean;
  /** The gateway's public address (a token), for a gateway built here. */
  readonly internetIp?: string;
}

/** What the rules know of a customer gateway. */
export interface CustomerGatewayFacts {
  readonly construct: IConstruct;
  readonly reference: ReferenceKey;
  /** Whether the library created it (an imported one may be imported twice). */
  readonly created: boolean;
  /** The literal IPv4 address, when known. */
  readonly ipAddress?: string;
  /** The address as given (a literal or a token), for the strongSwan configuration. */
  readonly address?: string;
  /** The ASN; `null` when the gateway is known to have none, undefined when unknown. */
  readonly asn?: number | null;
}

/** The IKE settings of a tunnel, defaults applied; an undefined field is unknown (a token). */
export interface IkeSignature {
  readonly version?: string;
  readonly mode?: string;
  readonly encryptionAlgorithm?: string;
  readonly authenticationAlgorithm?: string;
  readonly dhGroup?: string;
  readonly lifetimeSeconds?: number;
  /** `''`: not given (the API's default, the gateway's IP). */
  readonly localId?: string;
  readonly remoteId?: string;
  /**
   * The key's identity, never shown: the literal key, a unique marker for a key Alibaba Cloud generates
   * (two generated keys always differ); undefined for a token (unknown until apply).
   */
  readonly preSharedKey?: string | object;
}

export interface TunnelFacts {
  /** `''` for a single-tunnel connection, else `tunnels[i].`. */
  readonly at: string;
  /** The prop that names the customer gateway (`customerGateway` or `customerGatewayId`), under `at`. */
  readonly customerGatewayProp: string;
  readonly customerGateway: ReferenceKey;
  /** The customer gateway object's facts, when one was given. */
  readonly customerGatewayFacts?: CustomerGatewayFacts;
  readonly ike: IkeSignature;
  /** BGP is on for this tunnel. */
  readonly bgp: boolean;
  /** The literal tunnel CIDR. */
  readonly tunnelCidr?: string;
}

export interface Member {
  readonly construct: IConstruct;
  /** The construct path, for messages. */
  readonly path: string;
  /** The order of the dependency chain: the path, and a route right after its connection. */
  readonly sortKey: string;
  readonly resource: TerraformResource;
  readonly gateway: ReferenceKey;
  /** The gateway object's facts, when one was given. */
  readonly gatewayFacts?: GatewayFacts;
}

export interface ConnectionFacts extends Member {
  /** The gateway id as rendered (a literal or a token), for the routes on this connection. */
  readonly gatewayId: string;
  readonly connectionId: string;
  readonly mode: TunnelMode;
  /** The literal subnets (tokens left out). */
  readonly localSubnets: readonly Ipv4Cidr[];
  readonly remoteSubnets: readonly Ipv4Cidr[];
  readonly tunnels: readonly TunnelFacts[];
}

export interface RouteFacts extends Member {
  readonly policy: boolean;
  readonly connection: ConnectionFacts;
  /** Canonical literal CIDRs; undefined for tokens. */
  readonly destinationCidr?: string;
  readonly sourceCidr?: string;
  readonly active: boolean;
  /** The weight was given (not the default). */
  readonly weightGiven: boolean;
}

/** Errors and warnings of one construct. */
export interface OwnFindings {
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

/**
 * A `depends_on` entry naming one resource, as cdktf's own `dependsOn` renders it (`type.name`). The text
 * is built here rather than read from `fqn`, whose first read makes a reference token that captures a
 * stack trace (19,000 of them in the fleet benchmark); the chain never leaves its stack.
 */
class DependencyOn implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(private readonly resource: TerraformResource) {}
  public resolve(context: IResolveContext): string {
    context.suppressBraces = true;
    return `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
  }
}

interface ChainLink {
  readonly member: Member;
  /** The token of the predecessor link this member currently has in its resource's dependsOn. */
  link?: string;
  /** The token that names this member's resource, once something depends on it. */
  self?: string;
}

const FLEETS = new WeakMap<TerraformStack, Fleet>();
interface KnownGateways {
  readonly gateways: Map<string, GatewayFacts>;
  readonly customerGateways: Map<string, CustomerGatewayFacts>;
}
/** Gateways and customer gateways of each app (by its root construct), by reference key. */
const KNOWN = new WeakMap<IConstruct, KnownGateways>();
/**
 * Counts registrations anywhere (a gateway registered in one stack changes what another stack's rules
 * know), so that findings are computed again after any change.
 */
let changes = 0;
/** Facts of gateway and customer gateway objects, whatever stack they are in. */
const GATEWAYS = new WeakMap<IConstruct, GatewayFacts>();
const CUSTOMER_GATEWAYS = new WeakMap<IConstruct, CustomerGatewayFacts>();
const CONNECTIONS = new WeakMap<IConstruct, ConnectionFacts>();

export class Fleet {
  /** The fleet of the stack that holds `scope`. */
  public static of(scope: IConstruct): Fleet {
    const stack = TerraformStack.of(scope);
    let fleet = FLEETS.get(stack);
    if (fleet === undefined) {
      const root = stack.node.root;
      let known = KNOWN.get(root);
      if (known === undefined) {
        known = { gateways: new Map(), customerGateways: new Map() };
        KNOWN.set(root, known);
      }
      fleet = new Fleet(known);
      FLEETS.set(stack, fleet);
    }
    return fleet;
  }

  /** The facts a gateway object registered, if it is one of this library's. */
  public static gatewayFacts(gateway: IConstruct): GatewayFacts | undefined {
    return GATEWAYS.get(gateway);
  }

  public static customerGatewayFacts(gateway: IConstruct): CustomerGatewayFacts | undefined {
    return CUSTOMER_GATEWAYS.get(gateway);
  }

  /** The facts of a connection built by this library. */
  public static connectionFacts(connection: IConstruct): ConnectionFacts | undefined {
    return CONNECTIONS.get(connection);
  }

  /** The customer gateways this stack holds. */
  public readonly customerGateways: CustomerGatewayFacts[] = [];
  /** Gateways and customer gateways by reference key, app-wide (a reference may cross stacks). */
  private readonly known: KnownGateways;
  public readonly connections: ConnectionFacts[] = [];
  public readonly routes: RouteFacts[] = [];
  private readonly chains = new Map<string, ChainLink[]>();
  private computed?: { version: number; findings: Map<IConstruct, OwnFindings> };
  /** Warnings already written as annotations, per construct (validation may run more than once). */
  private readonly annotated = new WeakMap<IConstruct, Set<string>>();

  private constructor(known: KnownGateways) {
    this.known = known;
  }

  public addGateway(facts: GatewayFacts): void {
    GATEWAYS.set(facts.construct, facts);
    if (!this.known.gateways.has(facts.reference.key)) this.known.gateways.set(facts.reference.key, facts);
    changes++;
  }

  public addCustomerGateway(facts: CustomerGatewayFacts): void {
    CUSTOMER_GATEWAYS.set(facts.construct, facts);
    this.customerGateways.push(facts);
    if (!this.known.customerGateways.has(facts.reference.key)) {
      this.known.customerGateways.set(facts.reference.key, facts);
    }
    changes++;
  }

  /**
   * The gateway a member is on, as far as it is known: the library's gateway of that reference (a
   * `VpnGateway`, or an import), else what a gateway object of the caller's own says of itself.
   */
  public gatewayOf(member: Member): GatewayFacts | undefined {
    return this.known.gateways.get(member.gateway.key) ?? member.gatewayFacts;
  }

  public customerGatewayOf(tunnel: TunnelFacts): CustomerGatewayFacts | undefined {
    return this.known.customerGateways.get(tunnel.customerGateway.key) ?? tunnel.customerGatewayFacts;
  }

  public addConnection(facts: ConnectionFacts): void {
    CONNECTIONS.set(facts.construct, facts);
    this.connections.push(facts);
    this.join(facts);
    this.validate(facts.construct);
  }

  /**
   * Registers a route entry on `connection`'s gateway; `cidrs` as rendered (literals are canonical, the
   * route's rules checked that).
   */
  public addRoute(
    construct: IConstruct,
    resource: TerraformResource,
    connection: ConnectionFacts,
    policy: boolean,
    weightGiven: boolean,
    active: boolean,
    cidrs: { destinationCidr: string; sourceCidr?: string },
  ): void {
    const literal = (value: string | undefined) =>
      value === undefined || Token.isUnresolved(value) ? undefined : value;
    const path = construct.node.path;
    const facts: RouteFacts = {
      construct,
      path,
      // right after its connection: NUL sorts before every character of a construct path
      sortKey: `${connection.sortKey}\u0000${path}`,
      resource,
      gateway: connection.gateway,
      gatewayFacts: connection.gatewayFacts,
      policy,
      connection,
      destinationCidr: literal(cidrs.destinationCidr),
      sourceCidr: literal(cidrs.sourceCidr),
      active,
      weightGiven,
    };
    this.routes.push(facts);
    this.join(facts);
    this.validate(construct);
  }

  /** Validates a customer gateway's construct against the fleet (its address against the others'). */
  public validate(construct: IConstruct): void {
    construct.node.addValidation({ validate: () => this.messagesFor(construct) });
  }

  /**
   * The errors of the rules between resources that concern `construct`, as messages; its warnings are
   * written as an annotation (once).
   */
  public messagesFor(construct: IConstruct): string[] {
    if (this.computed?.version !== changes) {
      this.computed = { version: changes, findings: checkFleet(this) };
    }
    const own = this.computed.findings.get(construct);
    if (own === undefined) return [];
    if (own.warnings.length > 0) {
      const text = own.warnings.map(formatFinding).join('\n');
      let done = this.annotated.get(construct);
      if (done === undefined) {
        done = new Set();
        this.annotated.set(construct, done);
      }
      if (!done.has(text)) {
        done.add(text);
        addWarning(construct, text);
      }
    }
    return own.errors.map(formatFinding);
  }

  /** Adds a member to the dependency chain of its gateway (unless the gateway says not to). */
  private join(member: Member): void {
    changes++;
    if (this.gatewayOf(member)?.serializeChanges === false) return;
    let chain = this.chains.get(member.gateway.key);
    if (chain === undefined) {
      chain = [];
      this.chains.set(member.gateway.key, chain);
    }
    // binary search for the first member that sorts after this one
    let lo = 0;
    let hi = chain.length;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (chain[mid].member.sortKey < member.sortKey) lo = mid + 1;
      else hi = mid;
    }
    const entry: ChainLink = { member };
    chain.splice(lo, 0, entry);
    if (lo > 0) linkTo(entry, chain[lo - 1]);
    if (lo + 1 < chain.length) linkTo(chain[lo + 1], entry);
  }
}

/** Makes `entry`'s resource depend on `predecessor`'s, replacing the link it had. */
function linkTo(entry: ChainLink, predecessor: ChainLink): void {
  predecessor.self ??= Token.asString(new DependencyOn(predecessor.member.resource));
  const resource = entry.member.resource;
  const others = (resource.dependsOn ?? []).filter((d) => d !== entry.link);
  entry.link = predecessor.self;
  resource.dependsOn = [...others, entry.link];
}
