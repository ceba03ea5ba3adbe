import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { VpnCustomerGateway } from './gen/vpn-customer-gateway';
import { addWarning } from './private/annotations';
import { throwIfInvalid } from './private/errors';
import { Fleet } from './private/fleet';
import { assertSameFramework } from './private/framework';
import { referenceKey } from './private/references';
import { validateCustomerGatewayAttributes, validateCustomerGatewayProps } from './private/rules/gateway';

/** A customer gateway: one built by {@link CustomerGateway}, or an existing one imported by its attributes. */
export interface ICustomerGateway extends IConstruct {
  /** The customer gateway's ID (a token for one built here). */
  readonly customerGatewayId: string;

  /**
   * The public IP address of the on-premises gateway device.
   * @default - unknown
   */
  readonly ipAddress?: string;

  /**
   * The autonomous system number of the on-premises side, needed for BGP.
   * @default - none for a gateway built here without one; unknown for an imported one
   */
  readonly asn?: number;
}

/** The attributes of an existing customer gateway, for {@link CustomerGateway.fromCustomerGatewayAttributes}. */
export interface CustomerGatewayAttributes {
  /** The customer gateway's ID, e.g. `cgw-bp1example`. */
  readonly customerGatewayId: string;

  /**
   * Its IP address, when known.
   * @default - unknown
   */
  readonly ipAddress?: string;

  /**
   * Its ASN, when known.
   * @default - unknown: BGP on its connections is not checked against it
   */
  readonly asn?: number;
}

/** Properties of a {@link CustomerGateway}. */
export interface CustomerGatewayProps {
  /**
   * The IP address of the on-premises gateway device (API: `IpAddress`): an IPv4 address, not in
   * 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4 or 255.0.0.0/8 (the API's list) nor in
   * 0.0.0.0/8. A public address for public VPN gateways, a private one for private-network gateways.
   * Unique per region. Changing it replaces the customer gateway.
   */
  readonly ipAddress: string;

  /**
   * The ASN of the on-premises side (API: `Asn`), 1–4294967295 except 45104 (the Alibaba Cloud side's).
   * Required for BGP. Changing it replaces the customer gateway.
   * @default - no ASN: connections to this gateway cannot use BGP
   */
  readonly asn?: number;

  /**
   * Name (API: `Name`; Terraform `customer_gateway_name`): 1–100 characters, not starting with
   * `http://` or `https://`.
   * @default - Alibaba Cloud names it after its ID
   */
  readonly name?: string;

  /**
   * Description (API: `Description`): 1–100 characters, not starting with `http://` or `https://`.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Tags: at most 20; keys 1–64 characters, values up to 128; neither may start with `aliyun` or `acs:`
   * or contain `http://` or `https://`.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

class ImportedCustomerGateway extends Construct implements ICustomerGateway {
  public readonly customerGatewayId: string;
  public readonly ipAddress?: string;
  public readonly asn?: number;

  constructor(scope: Construct, id: string, attrs: CustomerGatewayAttributes) {
    super(scope, id);
    const p = throwIfInvalid(
      this.node.path,
      'CustomerGateway.fromCustomerGatewayAttributes',
      validateCustomerGatewayAttributes(attrs),
    );
    this.customerGatewayId = p.customerGatewayId;
    this.ipAddress = p.ipAddress;
    this.asn = p.asn;
    register(this, false, this.customerGatewayId, p.ipAddress, p.asn);
  }
}

function register(
  scope: IConstruct,
  created: boolean,
  id: string,
  ipAddress: string | undefined,
  asn: number | null | undefined,
): void {
  const fleet = Fleet.of(scope);
  fleet.addCustomerGateway({
    construct: scope,
    reference: referenceKey(scope, id),
    created,
    ipAddress: ipAddress === undefined || Token.isUnresolved(ipAddress) ? undefined : ipAddress,
    address: ipAddress,
    asn: asn !== null && asn !== undefined && Token.isUnresolved(asn) ? undefined : asn,
  });
  if (created) fleet.validate(scope);
}

/**
 * The on-premises end of a VPN: an Alibaba Cloud customer gateway (`alicloud_vpn_customer_gateway`,
 * construct id `Resource`), validated at synth time.
 *
 * @example
 * const office = new CustomerGateway(stack, 'Office', { ipAddress: '203.0.113.10', asn: 65010 });
 */
export class CustomerGateway extends Construct implements ICustomerGateway {
  /** An existing customer gateway, by its ID (and its address and ASN, when known). Creates no resource. */
  public static fromCustomerGatewayAttributes(
    scope: Construct,
    id: string,
    attrs: CustomerGatewayAttributes,
  ): ICustomerGateway {
    return new ImportedCustomerGateway(scope, id, attrs);
  }

  /** The customer gateway's ID (a token for `alicloud_vpn_customer_gateway.<name>.id`). */
  public readonly customerGatewayId: string;

  /**
   * The IP address of the on-premises gateway device, as given (always set here; optional in the type
   * only because `ICustomerGateway` leaves it unknown for imported gateways).
   */
  public readonly ipAddress?: string;

  /**
   * The ASN of the on-premises side, as given.
   * @default - none
   */
  public readonly asn?: number;

  /** The underlying `alicloud_vpn_customer_gateway` (construct id `Resource`): the escape hatch. */
  public readonly resource: VpnCustomerGateway;

  constructor(scope: Construct, id: string, props: CustomerGatewayProps) {
    super(scope, id);
    assertSameFramework(this, 'CustomerGateway');
    const result = validateCustomerGatewayProps(props);
    const p = throwIfInvalid(this.node.path, 'CustomerGateway', result);
    if (result.warnings.length > 0) addWarning(this, result.warnings.join('\n'));
    this.ipAddress = p.ipAddress;
    this.asn = p.asn;
    this.resource = new VpnCustomerGateway(this, 'Resource', {
      ipAddress: p.ipAddress,
      // `asn` is a string in the schema
      asn: p.asn === undefined ? undefined : Token.isUnresolved(p.asn) ? Token.asString(p.asn) : String(p.asn),
      customerGatewayName: p.name,
      description: p.description,
      tags: p.tags,
    });
    this.customerGatewayId = this.resource.id;
    register(this, true, this.customerGatewayId, p.ipAddress, p.asn ?? null);
  }
}
