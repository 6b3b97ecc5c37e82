using System.Reflection;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Hosting;

/// <summary>
/// Registers every <see cref="IRequestValidator{TRequest}"/> of an assembly, so a slice's validator, written next to
/// its handler, is run by the validation behaviour without a line elsewhere.
/// </summary>
internal static class RequestValidatorRegistration
{
    public static IServiceCollection AddRequestValidators(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestValidator<>)))
            {
                // Singletons like the mediator's handlers: validators read the store, never the request's scope.
                services.AddSingleton(contract, type);
            }
        }

        return services;
    }
}
