namespace Sferum.Bench.Video.Lean;

/// <summary>The STUN message types and attributes an ICE-lite answerer meets (RFC 5389, RFC 8445).</summary>
public static class StunAttribute
{
    public const ushort BindingRequest = 0x0001;
    public const ushort BindingSuccess = 0x0101;
    public const ushort BindingIndication = 0x0011;

    public const ushort Username = 0x0006;
    public const ushort MessageIntegrity = 0x0008;
    public const ushort XorMappedAddress = 0x0020;
    public const ushort Priority = 0x0024;
    public const ushort UseCandidate = 0x0025;
    public const ushort Fingerprint = 0x8028;
    public const ushort IceControlled = 0x8029;
    public const ushort IceControlling = 0x802A;
}
