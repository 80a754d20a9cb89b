package my.domain.tutorial.kubectl.friends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReadPlanTest {
  @Test
  void aFewFriendsAreGotOneByOne_moreThanAPageIsWorthStartAList() {
    assertThat(ReadPlan.listFirst(1)).isFalse();
    assertThat(ReadPlan.listFirst(ReadPlan.GETS_PER_PAGE)).isFalse();
    assertThat(ReadPlan.listFirst(ReadPlan.GETS_PER_PAGE + 1)).isTrue();
    assertThat(ReadPlan.listFirst(50_000)).isTrue();
  }

  @Test
  void whenEveryFriendWasSeen_theListStops() {
    assertThat(ReadPlan.keepListing(0, OptionalLong.of(100_000))).isFalse();
    assertThat(ReadPlan.keepListing(0, OptionalLong.empty())).isFalse();
  }

  @Test
  void whenTheFriendsLeftCostMoreGetsThanThePagesLeft_theListGoesOn() {
    // 499 Pods left: one more page, worth 50 GETs.
    assertThat(ReadPlan.keepListing(51, OptionalLong.of(499))).isTrue();
    assertThat(ReadPlan.keepListing(50, OptionalLong.of(499))).isFalse();
    // 501 Pods left: two pages, worth 100 GETs.
    assertThat(ReadPlan.keepListing(100, OptionalLong.of(501))).isFalse();
    assertThat(ReadPlan.keepListing(101, OptionalLong.of(501))).isTrue();
  }

  @Test
  void oneFriendLeftAmongAHundredThousandPods_isGotRatherThanListedFor() {
    assertThat(ReadPlan.keepListing(1, OptionalLong.of(100_000))).isFalse();
  }

  @Test
  void whenTheServerDoesNotSayHowManyPodsAreLeft_oneMorePageIsAssumed() {
    assertThat(ReadPlan.keepListing(51, OptionalLong.empty())).isTrue();
    assertThat(ReadPlan.keepListing(50, OptionalLong.empty())).isFalse();
  }

  @Test
  void whenTheServerSaysNoPodsAreLeftButSendsAToken_theLastCheapPageIsRead() {
    assertThat(ReadPlan.keepListing(1, OptionalLong.of(0))).isTrue();
  }
}
