using SplitGym.Core.Classic;
using SplitGym.Core.Registration;

namespace SplitGym.Core.Tests.Registration;

/// <summary>Envs made through the default registry, for tests that need a spec.</summary>
internal static class RegistryFor
{
    public static Env<float[], int> CartPole() => Registry.Default.Make<float[], int>(CartPoleEnv.Id);
}
