package io.nextbest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every record of the public API validates itself once, in its constructor, and names the bad field. */
class RecordValidationTest {
    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static InvalidRequestException rejection(ThrowingCallable construction) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, construction);
        assertThat(e).as("an InvalidRequestException").isNotNull();
        return e;
    }

    static Interaction call() {
        return Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING).build();
    }

    static Offer offer(String id, Set<Channel> channels, double value, LocalDate from, LocalDate to,
                       Double propensity, Integer coolDownDays) {
        return new Offer(id, "Name of " + id, OfferKind.SALES, "FIBER_1G", "PLAN", channels, value, from, to,
                "Say this.", "upsell", propensity, coolDownDays);
    }

    static Offer offer(String id) {
        return offer(id, Set.of(Channel.CHAT), 10, null, null, null, null);
    }

    @Nested
    class Customers {
        @Test
        void customerWithoutIdIsRejectedNamingTheId() {
            InvalidRequestException e = rejection(() -> Customer.builder(null).build());

            assertThat(e.field()).isEqualTo("id");
            assertThat(e.problem()).isEqualTo("is required");
            assertThat(e.value()).isNull();
        }

        @Test
        void customerWithBlankIdIsRejectedWithTheBlankValue() {
            InvalidRequestException e = rejection(() -> Customer.builder(" \t").build());

            assertThat(e.field()).isEqualTo("id");
            assertThat(e.problem()).isEqualTo("must not be blank");
            assertThat(e.value()).isEqualTo(" \t");
        }

        @Test
        void customerIdIsStripped() {
            assertThat(Customer.builder("  C1 ").build().id()).isEqualTo("C1");
        }

        @Test
        void negativeTenureIsRejected() {
            InvalidRequestException e = rejection(() -> Customer.builder("C1").tenureMonths(-1).build());

            assertThat(e.field()).isEqualTo("tenureMonths");
            assertThat(e.value()).isEqualTo(-1);
        }

        @Test
        void negativeOrUnknownLifetimeValueIsRejected() {
            assertThat(rejection(() -> Customer.builder("C1").lifetimeValue(-0.01).build()).field())
                    .isEqualTo("lifetimeValue");
            assertThat(rejection(() -> Customer.builder("C1").lifetimeValue(Double.NaN).build()).field())
                    .isEqualTo("lifetimeValue");
            assertThat(rejection(() -> Customer.builder("C1").lifetimeValue(Double.POSITIVE_INFINITY).build())
                    .field()).isEqualTo("lifetimeValue");
        }

        @Test
        void churnRiskOutsideZeroToOneIsRejectedWithTheValue() {
            for (double risk : new double[] {-0.1, 1.01, Double.NaN}) {
                InvalidRequestException e = rejection(() -> Customer.builder("C1").churnRisk(risk).build());
                assertThat(e.field()).isEqualTo("churnRisk");
                assertThat(e.problem()).isEqualTo("must be between 0 and 1");
                assertThat(e.value()).isEqualTo(risk);
            }
        }

        @Test
        void churnRiskAtTheEdgesIsAccepted() {
            assertThat(Customer.builder("C1").churnRisk(0).build().churnRisk()).isZero();
            assertThat(Customer.builder("C1").churnRisk(1).build().churnRisk()).isEqualTo(1.0);
        }

        @Test
        void blankProductIsRejected() {
            InvalidRequestException e = rejection(() -> Customer.builder("C1").products("FIBER_1G", " ").build());

            assertThat(e.field()).startsWith("products");
            assertThat(e.problem()).isEqualTo("must not be blank");
        }

        @Test
        void nullConsentIsRejected() {
            Set<Channel> consents = new HashSet<>(Arrays.asList(Channel.SMS, null));
            InvalidRequestException e = rejection(() -> new Customer("C1", null, 0, null, null, null, 0, 0, null,
                    consents, null, false, false, null));

            assertThat(e.field()).isEqualTo("consents");
        }

        @Test
        void unknownTimeZoneIsRejectedWithTheValue() {
            InvalidRequestException e = rejection(() -> Customer.builder("C1").timeZone("Mars/Olympus").build());

            assertThat(e.field()).isEqualTo("timeZone");
            assertThat(e.value()).isEqualTo("Mars/Olympus");
        }

        @Test
        void everyBadFieldOfACustomerIsReportedAtOnce() {
            InvalidRequestException e = rejection(() -> Customer.builder(" ").tenureMonths(-3).churnRisk(1.5)
                    .timeZone("Mars/Olympus").attribute("devices", List.of(1, 2)).build());

            assertThat(e.problems()).extracting(InvalidRequestException.Problem::field)
                    .containsExactlyInAnyOrder("id", "tenureMonths", "churnRisk", "timeZone", "attributes.devices");
            assertThat(e.field()).isEqualTo("timeZone");
            assertThat(e.getMessage()).startsWith("5 problems: timeZone: is not a known time zone, got 'Mars/Olympus'; ")
                    .contains("id: must not be blank, got ' '").contains("tenureMonths: must be at least 0, got -3")
                    .contains("churnRisk: must be between 0 and 1, got 1.5");
        }

        @Test
        void nullProductOrConsentIsNamedByItsIndexAsInJson() {
            InvalidRequestException e = rejection(() -> Customer.builder("C1").products("FIBER_1G", null)
                    .consents(Channel.SMS, Channel.EMAIL, null).build());

            assertThat(e.problems()).extracting(InvalidRequestException.Problem::field)
                    .containsExactly("products[1]", "consents[2]");
            assertThat(e.problem()).isEqualTo("must not be null");
        }

        @Test
        void repeatedProductsAndConsentsAreKeptOnce() {
            Customer c = Customer.builder("C1").products("FIBER_1G", "FIBER_1G").consents(Channel.SMS, Channel.SMS)
                    .build();

            assertThat(c.products()).containsExactly("FIBER_1G");
            assertThat(c.consents()).containsExactly(Channel.SMS);
        }

        @Test
        void attributeOfAnotherKindThanTextNumberOrTrueFalseIsRejectedByName() {
            InvalidRequestException e = rejection(() -> Customer.builder("C1").attribute("devices", List.of(1, 2))
                    .build());

            assertThat(e.field()).isEqualTo("attributes.devices");
            assertThat(e.value()).isEqualTo(List.of(1, 2));
        }

        @Test
        void nullAttributeIsRejectedByName() {
            InvalidRequestException e = rejection(() -> Customer.builder("C1").attribute("plan", null).build());

            assertThat(e.field()).isEqualTo("attributes.plan");
            assertThat(e.problem()).isEqualTo("must not be null");
        }

        @Test
        void aCustomerWithOnlyAnIdTakesTheDefaults() {
            Customer c = new Customer("C1", null, 0, null, null, null, 0, 0, null, null, null, false, false, null);

            assertThat(c.segment()).isEqualTo("CONSUMER");
            assertThat(c.timeZone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(c.billingStatus()).isEqualTo(BillingStatus.CURRENT);
            assertThat(c.region()).isEmpty();
            assertThat(c.products()).isEmpty();
            assertThat(c.consents()).isEmpty();
            assertThat(c.attributes()).isEmpty();
            assertThat(c.preferredChannel()).isNull();
        }

        @Test
        void blankSegmentTakesTheDefault() {
            assertThat(Customer.builder("C1").segment("  ").build().segment()).isEqualTo("CONSUMER");
        }

        @Test
        void collectionsAreImmutableCopies() {
            Set<String> products = new HashSet<>(Set.of("FIBER_1G"));
            Set<Channel> consents = new HashSet<>(Set.of(Channel.SMS));
            Map<String, Object> attributes = new HashMap<>(Map.of("plan", "GOLD"));
            Customer c = new Customer("C1", null, 0, null, null, products, 0, 0, null, consents, null, false,
                    false, attributes);

            products.add("TV_BASIC");
            consents.add(Channel.EMAIL);
            attributes.put("devices", 3);

            assertThat(c.products()).containsExactly("FIBER_1G");
            assertThat(c.consents()).containsExactly(Channel.SMS);
            assertThat(c.attributes()).containsOnlyKeys("plan");
            assertThatThrownBy(() -> c.products().add("X")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> c.consents().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> c.attributes().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void holdingAndConsentAreReadFromTheProfile() {
            Customer c = Customer.builder("C1").products("FIBER_1G").consents(Channel.SMS).build();

            assertThat(c.holds("FIBER_1G")).isTrue();
            assertThat(c.holds("TV_BASIC")).isFalse();
            assertThat(c.consentsTo(Channel.SMS)).isTrue();
            assertThat(c.consentsTo(Channel.EMAIL)).isFalse();
        }
    }

    @Nested
    class Interactions {
        @Test
        void interactionWithoutChannelIsRejectedNamingTheChannel() {
            InvalidRequestException e = rejection(() -> Interaction.builder(null, Intent.BILLING).build());

            assertThat(e.field()).isEqualTo("channel");
            assertThat(e.problem()).isEqualTo("is required");
        }

        @Test
        void interactionWithoutIntentIsRejectedNamingTheIntent() {
            assertThat(rejection(() -> Interaction.builder(Channel.CHAT, null).build()).field()).isEqualTo("intent");
        }

        @Test
        void negativeHandleTimeIsRejected() {
            InvalidRequestException e = rejection(() -> Interaction.builder(Channel.CHAT, Intent.BILLING)
                    .handleTime(-5, 600).build());

            assertThat(e.field()).isEqualTo("handleTimeSeconds");
            assertThat(e.value()).isEqualTo(-5);
        }

        @Test
        void everyBadFieldOfAnInteractionIsReportedAtOnce() {
            InvalidRequestException e = rejection(() -> Interaction.builder(null, null).handleTime(-5, -600).build());

            assertThat(e.problems()).extracting(InvalidRequestException.Problem::field)
                    .containsExactly("channel", "intent", "handleTimeSeconds", "targetHandleTimeSeconds");
        }

        @Test
        void negativeTargetHandleTimeIsRejected() {
            InvalidRequestException e = rejection(() -> Interaction.builder(Channel.CHAT, Intent.BILLING)
                    .handleTime(5, -600).build());

            assertThat(e.field()).isEqualTo("targetHandleTimeSeconds");
            assertThat(e.value()).isEqualTo(-600);
        }

        @Test
        void anInteractionWithOnlyChannelAndIntentTakesTheDefaults() {
            Interaction i = Interaction.builder(Channel.CHAT, Intent.BILLING).build();

            assertThat(i.sentiment()).isEqualTo(Sentiment.NEUTRAL);
            assertThat(i.queue()).isEqualTo(QueueType.SERVICE);
            assertThat(i.targetHandleTimeSeconds()).isEqualTo(600);
            assertThat(i.targetHandleTimeSeconds()).isEqualTo(Interaction.DEFAULT_TARGET_HANDLE_TIME_SECONDS);
            assertThat(i.handleTimeSeconds()).isZero();
            assertThat(i.resolved()).isFalse();
            assertThat(i.time()).isNull();
            assertThat(i.id()).isNull();
        }

        @Test
        void blankInteractionIdIsNoId() {
            assertThat(Interaction.builder(Channel.CHAT, Intent.BILLING).id("  ").build().id()).isNull();
            assertThat(Interaction.builder(Channel.CHAT, Intent.BILLING).id(" CALL-1 ").build().id())
                    .isEqualTo("CALL-1");
        }
    }

    @Nested
    class Purchases {
        @Test
        void aPurchaseIsBuiltByName() {
            Purchase p = Purchase.builder("FIBER_1G", TODAY).category("PLAN").amount(59.99).channel(Channel.WEB)
                    .build();

            assertThat(p).isEqualTo(new Purchase("FIBER_1G", "PLAN", 59.99, TODAY, Channel.WEB));
        }

        @Test
        void everyBadFieldOfAPurchaseIsReportedAtOnce() {
            InvalidRequestException e = rejection(() -> Purchase.builder(null, null).amount(-1).build());

            assertThat(e.problems()).extracting(InvalidRequestException.Problem::field)
                    .containsExactly("product", "amount", "date");
        }

        @Test
        void negativeAmountIsRejectedWithTheValue() {
            InvalidRequestException e = rejection(() -> Purchase.builder("FIBER_1G", TODAY).amount(-5).build());

            assertThat(e.field()).isEqualTo("amount");
            assertThat(e.value()).isEqualTo(-5.0);
            assertThat(e.getMessage()).isEqualTo("amount: must be a number of at least 0, got -5.0");
        }

        @Test
        void unknownAmountIsRejected() {
            assertThat(rejection(() -> new Purchase("A", null, Double.NaN, TODAY, null)).field()).isEqualTo("amount");
            assertThat(rejection(() -> new Purchase("A", null, Double.POSITIVE_INFINITY, TODAY, null)).field())
                    .isEqualTo("amount");
        }

        @Test
        void purchaseWithoutProductOrDateIsRejected() {
            assertThat(rejection(() -> new Purchase(null, null, 1, TODAY, null)).field()).isEqualTo("product");
            assertThat(rejection(() -> new Purchase("", null, 1, TODAY, null)).field()).isEqualTo("product");
            assertThat(rejection(() -> new Purchase("A", null, 1, null, null)).field()).isEqualTo("date");
        }

        @Test
        void freePurchaseWithoutCategoryIsAccepted() {
            Purchase p = new Purchase("ROUTER", null, 0, TODAY, null);

            assertThat(p.amount()).isZero();
            assertThat(p.category()).isEmpty();
        }
    }

    @Nested
    class Contacts {
        @Test
        void contactWithoutChannelOrTimeIsRejected() {
            assertThat(rejection(() -> new Contact(null, null, null, NOW, null)).field()).isEqualTo("channel");
            assertThat(rejection(() -> new Contact(null, null, Channel.SMS, null, null)).field()).isEqualTo("time");
        }

        @Test
        void aContactIsBuiltByName() {
            Contact c = Contact.builder(Channel.SMS, NOW).offer("LOYALTY", ContactOutcome.DECLINED).program("retention")
                    .build();

            assertThat(c).isEqualTo(new Contact("LOYALTY", "retention", Channel.SMS, NOW, ContactOutcome.DECLINED));
            assertThat(c.hadOffer()).isTrue();
        }

        @Test
        void anOfferWithoutOutcomeIsRejectedRatherThanTakenAsIgnored() {
            InvalidRequestException e = rejection(() -> Contact.builder(Channel.SMS, NOW).offer("LOYALTY", null)
                    .build());

            assertThat(e.field()).isEqualTo("outcome");
            assertThat(e.problem()).contains("required when an offer was made").contains("DECLINED");
        }

        @Test
        void aContactWithoutOfferNeedsNoOutcome() {
            Contact c = Contact.builder(Channel.CHAT, NOW).build();

            assertThat(c.hadOffer()).isFalse();
            assertThat(c.outcome()).isEqualTo(ContactOutcome.IGNORED);
        }

        @Test
        void contactWithBlankOfferIdHadNoOffer() {
            Contact c = new Contact(" ", " ", Channel.SMS, NOW, ContactOutcome.DECLINED);

            assertThat(c.offerId()).isNull();
            assertThat(c.program()).isNull();
            assertThat(c.hadOffer()).isFalse();
        }

        @Test
        void everyBadFieldOfAContactIsReportedAtOnce() {
            InvalidRequestException e = rejection(() -> new Contact("LOYALTY", null, null, null, null));

            assertThat(e.problems()).extracting(InvalidRequestException.Problem::field)
                    .containsExactly("channel", "time", "outcome");
        }
    }

    @Nested
    class DecisionRequests {
        @Test
        void requestWithoutCustomerOrInteractionIsRejected() {
            assertThat(rejection(() -> new DecisionRequest(null, call(), null, null, null)).field())
                    .isEqualTo("customer");
            assertThat(rejection(() -> new DecisionRequest(Customer.builder("C1").build(), null, null, null, null))
                    .field()).isEqualTo("interaction");
        }

        @Test
        void nullPurchaseIsRejectedAtItsIndex() {
            List<Purchase> purchases = Arrays.asList(Purchase.builder("A", TODAY).amount(1).build(), null);
            InvalidRequestException e = rejection(() -> new DecisionRequest(Customer.builder("C1").build(), call(),
                    purchases, null, null));

            assertThat(e.field()).isEqualTo("purchases[1]");
        }

        @Test
        void nullContactIsRejectedAtItsIndex() {
            List<Contact> contacts = Arrays.asList((Contact) null);
            InvalidRequestException e = rejection(() -> new DecisionRequest(Customer.builder("C1").build(), call(),
                    null, contacts, null));

            assertThat(e.field()).isEqualTo("contacts[0]");
        }

        @Test
        void nullPurchasesAndContactsOfTheBuilderAreNamedByTheirIndex() {
            InvalidRequestException e = rejection(() -> DecisionRequest.builder(Customer.builder("C1").build(), call())
                    .purchase(Purchase.builder("A", TODAY).build()).purchase(null)
                    .contacts(Arrays.asList(null, Contact.builder(Channel.SMS, NOW).build()))
                    .propensity("LOYALTY", 1.2).build());

            assertThat(e.problems()).extracting(InvalidRequestException.Problem::field)
                    .containsExactly("purchases[1]", "contacts[0]", "propensities.LOYALTY");
            assertThat(e.getMessage()).isEqualTo("3 problems: purchases[1]: must not be null; "
                    + "contacts[0]: must not be null; propensities.LOYALTY: must be between 0 and 1, got 1.2");
        }

        @Test
        void modelPropensityOutsideZeroToOneIsRejectedUnderTheOfferId() {
            InvalidRequestException e = rejection(() -> DecisionRequest.builder(Customer.builder("C1").build(), call())
                    .propensity("LOYALTY", 1.2).build());

            assertThat(e.field()).isEqualTo("propensities.LOYALTY");
            assertThat(e.value()).isEqualTo(1.2);
        }

        @Test
        void missingHistoriesAreEmpty() {
            DecisionRequest r = new DecisionRequest(Customer.builder("C1").build(), call(), null, null, null);

            assertThat(r.purchases()).isEmpty();
            assertThat(r.contacts()).isEmpty();
            assertThat(r.propensities()).isEmpty();
        }

        @Test
        void historiesAreImmutableCopies() {
            List<Purchase> purchases = new ArrayList<>(List.of(Purchase.builder("A", TODAY).amount(1).build()));
            List<Contact> contacts = new ArrayList<>(List.of(Contact.builder(Channel.SMS, NOW).build()));
            Map<String, Double> propensities = new HashMap<>(Map.of("LOYALTY", 0.2));
            DecisionRequest r = new DecisionRequest(Customer.builder("C1").build(), call(), purchases, contacts,
                    propensities);

            purchases.clear();
            contacts.add(Contact.builder(Channel.EMAIL, NOW).build());
            propensities.put("FIBER", 0.9);

            assertThat(r.purchases()).hasSize(1);
            assertThat(r.contacts()).hasSize(1);
            assertThat(r.propensities()).containsOnlyKeys("LOYALTY");
            assertThatThrownBy(() -> r.purchases().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> r.contacts().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> r.propensities().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Offers {
        @Test
        void offerWithoutRequiredTextIsRejectedNamingTheField() {
            Set<Channel> chat = Set.of(Channel.CHAT);
            assertThat(rejection(() -> new Offer(null, "N", OfferKind.SALES, null, null, chat, 1, null, null, "S",
                    "p", null, null)).field()).isEqualTo("id");
            assertThat(rejection(() -> new Offer("A", " ", OfferKind.SALES, null, null, chat, 1, null, null, "S",
                    "p", null, null)).field()).isEqualTo("name");
            assertThat(rejection(() -> new Offer("A", "N", null, null, null, chat, 1, null, null, "S",
                    "p", null, null)).field()).isEqualTo("kind");
            assertThat(rejection(() -> new Offer("A", "N", OfferKind.SALES, null, null, chat, 1, null, null, null,
                    "p", null, null)).field()).isEqualTo("script");
            assertThat(rejection(() -> new Offer("A", "N", OfferKind.SALES, null, null, chat, 1, null, null, "S",
                    "", null, null)).field()).isEqualTo("program");
        }

        @Test
        void everyBadFieldOfAnOfferIsReportedAtOnce() {
            InvalidRequestException e = rejection(() -> new Offer(null, " ", null, null, null, Set.of(), 0,
                    null, null, null, "p", 2.0, -1));

            assertThat(e.problems()).extracting(InvalidRequestException.Problem::field)
                    .containsExactly("id", "name", "kind", "channels", "value", "script", "propensity",
                            "coolDownDays");
        }

        @Test
        void offerWithoutChannelsIsRejected() {
            assertThat(rejection(() -> offer("A", Set.of(), 10, null, null, null, null)).field())
                    .isEqualTo("channels");
            assertThat(rejection(() -> offer("A", null, 10, null, null, null, null)).field()).isEqualTo("channels");
        }

        @Test
        void offerWithoutValueIsRejectedWithTheValue() {
            for (double value : new double[] {0, -3, Double.NaN, Double.POSITIVE_INFINITY}) {
                InvalidRequestException e = rejection(() -> offer("A", Set.of(Channel.CHAT), value, null, null, null,
                        null));
                assertThat(e.field()).isEqualTo("value");
                assertThat(e.value()).isEqualTo(value);
            }
        }

        @Test
        void validToBeforeValidFromIsRejectedNamingBothDates() {
            InvalidRequestException e = rejection(() -> offer("A", Set.of(Channel.CHAT), 10,
                    LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1), null, null));

            assertThat(e.field()).isEqualTo("validTo");
            assertThat(e.value()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(e.problem()).contains("2026-05-01");
        }

        @Test
        void propensityOutsideZeroToOneIsRejected() {
            InvalidRequestException e = rejection(() -> offer("A", Set.of(Channel.CHAT), 10, null, null, 1.5, null));

            assertThat(e.field()).isEqualTo("propensity");
            assertThat(e.value()).isEqualTo(1.5);
        }

        @Test
        void negativeCoolDownIsRejected() {
            InvalidRequestException e = rejection(() -> offer("A", Set.of(Channel.CHAT), 10, null, null, null, -1));

            assertThat(e.field()).isEqualTo("coolDownDays");
            assertThat(e.value()).isEqualTo(-1);
        }

        @Test
        void anOfferWithoutPropensityOrCoolDownTakesTheDefaults() {
            Offer o = offer("A");

            assertThat(o.propensity()).isEqualTo(0.1);
            assertThat(o.propensity()).isEqualTo(Offer.DEFAULT_PROPENSITY);
            assertThat(o.coolDownDays()).isEqualTo(30);
            assertThat(o.coolDownDays()).isEqualTo(Offer.DEFAULT_COOL_DOWN_DAYS);
        }

        @Test
        void anOfferIsValidOnItsFirstAndLastDayOnly() {
            Offer o = offer("A", Set.of(Channel.CHAT), 10, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null,
                    null);

            assertThat(o.isValidOn(LocalDate.of(2026, 3, 31))).isFalse();
            assertThat(o.isValidOn(LocalDate.of(2026, 4, 1))).isTrue();
            assertThat(o.isValidOn(LocalDate.of(2026, 4, 30))).isTrue();
            assertThat(o.isValidOn(LocalDate.of(2026, 5, 1))).isFalse();
            assertThat(offer("B").isValidOn(LocalDate.MIN)).isTrue();
        }

        @Test
        void channelsAreAnImmutableCopy() {
            Set<Channel> channels = new LinkedHashSet<>(List.of(Channel.CHAT));
            Offer o = offer("A", channels, 10, null, null, null, null);

            channels.add(Channel.SMS);

            assertThat(o.channels()).containsExactly(Channel.CHAT);
            assertThatThrownBy(() -> o.channels().add(Channel.SMS)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Catalogs {
        @Test
        void emptyCatalogIsRejected() {
            assertThat(rejection(() -> new OfferCatalog(List.of())).field()).isEqualTo("offers");
            assertThat(rejection(() -> new OfferCatalog(null)).field()).isEqualTo("offers");
        }

        @Test
        void duplicateOfferIdIsRejectedAtTheSecondUse() {
            InvalidRequestException e = rejection(() -> new OfferCatalog(List.of(offer("A"), offer("B"), offer("A"))));

            assertThat(e.field()).isEqualTo("offers[2].id");
            assertThat(e.value()).isEqualTo("A");
            assertThat(e.problem()).contains("offers[0]");
        }

        @Test
        void offersAreFoundByIdAndKeepTheirOrder() {
            OfferCatalog catalog = new OfferCatalog(List.of(offer("B"), offer("A")));

            assertThat(catalog.size()).isEqualTo(2);
            assertThat(catalog.get(0).id()).isEqualTo("B");
            assertThat(catalog.indexOf("A")).isEqualTo(1);
            assertThat(catalog.indexOf("Z")).isEqualTo(-1);
            assertThat(catalog.find("A")).contains(catalog.get(1));
            assertThat(catalog.find("Z")).isEmpty();
            assertThat(catalog.programs()).containsExactly("upsell");
        }

        @Test
        void offersAreAnImmutableCopy() {
            List<Offer> offers = new ArrayList<>(List.of(offer("A")));
            OfferCatalog catalog = new OfferCatalog(offers);

            offers.add(offer("B"));

            assertThat(catalog.size()).isEqualTo(1);
            assertThatThrownBy(() -> catalog.offers().add(offer("C")))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Problems {
        @Test
        void theMessageNamesTheFieldTheProblemAndTheValue() {
            assertThat(new InvalidRequestException("churnRisk", "must be between 0 and 1", 1.5).getMessage())
                    .isEqualTo("churnRisk: must be between 0 and 1, got 1.5");
            assertThat(new InvalidRequestException("id", "must not be blank", " ").getMessage())
                    .isEqualTo("id: must not be blank, got ' '");
            assertThat(new InvalidRequestException("id", "is required", null).getMessage())
                    .isEqualTo("id: is required");
        }

        @Test
        void severalProblemsAreListedInOneLineAndTheFirstStandsForAll() {
            InvalidRequestException e = new InvalidRequestException(List.of(
                    new InvalidRequestException.Problem("id", "is required", null),
                    new InvalidRequestException.Problem("churnRisk", "must be between 0 and 1", 1.5)));

            assertThat(e.getMessage()).isEqualTo("2 problems: id: is required; churnRisk: must be between 0 and 1, "
                    + "got 1.5");
            assertThat(e.field()).isEqualTo("id");
            assertThat(e.problem()).isEqualTo("is required");
            assertThat(e.value()).isNull();
            assertThat(e.under("$.customer").problems()).extracting(InvalidRequestException.Problem::field)
                    .containsExactly("$.customer.id", "$.customer.churnRisk");
        }

        @Test
        void anExceptionWithoutProblemsCannotBeMade() {
            assertThatThrownBy(() -> new InvalidRequestException(List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aProblemOfANestedRecordIsPlacedUnderItsParent() {
            InvalidRequestException e = new InvalidRequestException("amount", "must be a number of at least 0", -5.0);

            assertThat(e.under("purchases[1]").field()).isEqualTo("purchases[1].amount");
            assertThat(new InvalidRequestException("[2]", "must not be null", null).under("purchases").field())
                    .isEqualTo("purchases[2]");
            assertThat(e.under("x").value()).isEqualTo(-5.0);
            assertThat(e.under("x").problem()).isEqualTo(e.problem());
        }
    }
}
