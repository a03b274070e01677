extern alias shipping;

using shipping::OrderPlatform.Shipping.Carriers.LaPoste;
using shipping::OrderPlatform.Shipping.Carriers.MondialRelay;

namespace OrderPlatform.UnitTests.Shipping;

/// <summary>What each carrier's tracking means for us: La Poste's codes, and Mondial Relay's free text recognised [FR-10, FR-11].</summary>
public sealed class CarrierTrackingTests
{
    [Theory]
    [InlineData("Colis disponible au Point Relais", "020340")]
    [InlineData("COLIS DISPONIBLE AU POINT RELAIS", "")]
    [InlineData("Colis mis à disposition au Point Relais®", "020340")]
    [InlineData("Mis a disposition en Locker", "")]
    [InlineData("Votre colis vous attend dans votre Point Relais", "")]
    [InlineData("Colis livré au Point Relais", "020340")]
    [InlineData("Disponible au relais, à retirer avant le 05/12 sinon retour à l'expéditeur", "020340")]
    [InlineData("Disponible", "020340")]
    public void Mondial_Relay_text_saying_the_parcel_waits_at_a_relay_is_available_for_pickup_FR_10(string libelle, string relay) =>
        Assert.Equal("available-for-pickup", MondialRelayTracking.Recognise(libelle, relay));

    [Theory]
    [InlineData("Colis retourné à l'expéditeur")]
    [InlineData("RETOUR EXPEDITEUR")]
    [InlineData("Retour à l'enseigne")]
    [InlineData("Colis non retiré - retourné à l'enseigne")]
    [InlineData("Colis non réclamé")]
    [InlineData("Colis en retour vers l'expéditeur")]
    [InlineData("Colis livré à l'expéditeur")]
    [InlineData("Délai de retrait dépassé")]
    public void Mondial_Relay_text_saying_the_parcel_goes_back_is_returned_FR_10(string libelle) =>
        Assert.Equal("returned-to-warehouse", MondialRelayTracking.Recognise(libelle, "020340"));

    [Theory]
    [InlineData("Colis livré au destinataire")]
    [InlineData("Colis récupéré par le destinataire")]
    [InlineData("Colis retiré au Point Relais par le destinataire")]
    [InlineData("COLIS LIVRE")]
    [InlineData("Livraison effectuée")]
    public void Mondial_Relay_text_saying_the_customer_has_it_is_delivered(string libelle) =>
        Assert.Equal("delivered", MondialRelayTracking.Recognise(libelle, null));

    [Theory]
    [InlineData("Prise en charge en agence", "in-transit")]
    [InlineData("Colis en cours d'acheminement", "in-transit")]
    [InlineData("Colis en cours de livraison", "out-for-delivery")]
    [InlineData("Colis non livré : destinataire absent", "in-transit")]
    [InlineData("Anomalie de traitement", "in-transit")]
    [InlineData("Colis enregistré", "label-created")]
    [InlineData("", "in-transit")]
    public void Anything_else_is_never_guessed_to_be_a_delivery_or_a_return(string libelle, string expected) =>
        Assert.Equal(expected, MondialRelayTracking.Recognise(libelle, null));

    [Fact]
    public void Mondial_Relay_prints_Paris_time_which_is_read_back_in_UTC()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero), MondialRelayTracking.ParseParisTime("20/11/2026", "10:15"));
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 8, 0, 0, TimeSpan.Zero), MondialRelayTracking.ParseParisTime("14/07/2026", "10:00"));
    }

    [Theory]
    [InlineData("DR1", "label-created")]
    [InlineData("PC1", "in-transit")]
    [InlineData("ET3", "in-transit")]
    [InlineData("DO3", "in-transit")]
    [InlineData("MD2", "out-for-delivery")]
    [InlineData("ND1", "notice-left")]
    [InlineData("AG1", "available-for-pickup")]
    [InlineData("RE1", "returned-to-warehouse")]
    [InlineData("DI1", "delivered")]
    [InlineData("DI2", "returned-to-warehouse")]
    [InlineData("ZZ9", "in-transit")]
    public void La_Poste_codes_map_to_our_statuses_FR_11(string code, string status) => Assert.Equal(status, LaPosteTracking.StatusOf(code));
}
