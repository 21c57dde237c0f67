"""Word senses the patterns must tell apart: force words said of words ("attacked the senator for the
vote"), guests and things received ("received the Chinese envoy" / "received the nomination"), protests
and campaign or state rallies, and what a claim accuses."""

from __future__ import annotations


def test_attacking_someone_for_what_they_did_or_said_is_criticism(code):
    # a reason, a judgement, or something said or decided as the object: words, not blows
    assert code(
        "Joe Biden attacked Donald Trump for the remarks about veterans.", published="2020-10-01"
    ) == {("USAELI", "USAGOV", "111")}
    assert code("China attacked the US decision as interference.") == {("CHN", "USA", "111")}
    assert code("The minister attacked Australia's decision to close the border.") == {
        ("---GOV", "AUS", "111")
    }
    assert code("The opposition attacked the government over its handling of the crisis.") == {
        ("---OPP", "---GOV", "111")
    }


def test_attacks_with_weapons_times_or_stakes_stay_uses_of_force(code):
    assert code("Russian troops attacked Ukrainian positions over the weekend.") == {
        ("RUSMIL", "UKR", "190")
    }
    assert code("Rebels attacked the army for control of the pass.") == {
        ("---REB", "---MIL", "190")
    }
    # a weapon named in the clause: the reason does not make it words
    assert code("Israel attacked Hamas with rockets for the second time.") == {
        ("ISR", "PSEREB", "194")
    }


def test_receiving_a_thing_an_actor_owns_is_no_visit(code):
    assert code("The Indian minister received Brazil's highest honour on Friday.") == set()
    assert code("Kenya received further Chinese criticism.") == set()
    # a guest received, or named in apposition, is hosted
    assert code("The president received his French counterpart, Emmanuel Macron, on Monday.") == {
        ("---GOV", "FRAGOV", "043"),
        ("FRAGOV", "---GOV", "042"),
    }
    assert code("Belgrade hosted a delegation from China.") == {
        ("SRB", "CHNGOV", "043"),
        ("CHNGOV", "SRB", "042"),
    }
    # a list after a colon, parsed as a second object, names no guest
    assert (
        code(
            "Peru's president received the prize in 2019 over two other finalists: candidate"
            " Luis Paz and Chilean minister Juan Rojas."
        )
        == set()
    )


def test_welcoming_an_actors_decision_is_approval_not_hosting(code):
    assert code("Turkey welcomed Russia's offer.") == {("TUR", "RUS", "051")}


def test_campaign_rallies_and_a_governments_rallies_at_home_are_no_protest(code):
    assert code("Senator Elizabeth Warren held a campaign rally in Iowa.") == set()
    assert code("President Donald Trump held a rally in Nevada.", published="2020-10-01") == set()
    assert code("Joe Biden rallied supporters in Ohio on Monday.") == set()
    # a protest against someone, even by a state organ, stays one
    assert code("The Venezuelan government organised a march against US sanctions.") == {
        ("VENGOV", "USA", "141")
    }
    assert ("---OPP", "BLRGOV", "141") in code(
        "Opposition supporters held a rally in Minsk against Alexander Lukashenko."
    )


def test_a_claim_accuses_who_did_the_act_not_who_suffered_it(code):
    assert code("The opposition alleged that Navalny was poisoned by the Kremlin.") == {
        ("---OPP", "RUSGOV", "112")
    }
    # with no one named as doing it, no one is accused
    assert code("Kenya alleged that its citizens were detained in Somalia.") == set()
    assert code("Ukraine alleged that Russia had shelled Kharkiv.") == {("UKR", "RUS", "112")}


def test_a_demand_in_the_passive_is_a_demand_not_the_act(code):
    # a demand for their release (1053), made of the one to release them
    assert code("Iran demanded that the sailors be released by Britain.") == {
        ("IRN", "GBR", "1053")
    }
    assert code("Iran demanded that the sailors be released.") == set()


def test_an_event_noun_with_a_year_is_dated_that_year_and_is_background(coder):
    import dyadwatch

    text = (
        "Reporters found an e-mail about a 2015 meeting between Joe Biden and Ukraine's president."
    )
    events = dyadwatch.code_text(text, published="2020-10-20")
    # the parties named by "between", not the reporters, met; Biden, out of office when this was
    # written, was vice president in 2015
    assert {(e.source.code, e.target.code, e.cameo) for e in events} == {
        ("USAGOV", "UKRGOV", "040"),
        ("UKRGOV", "USAGOV", "040"),
    }
    assert {(e.date, e.date_precision, e.background) for e in events} == {("2015", "year", True)}


def test_talking_to_the_press_is_a_statement_to_it_not_a_consultation(code):
    assert code("The minister spoke to reporters in Belgrade on Monday.") == {
        ("---GOV", "SRBMED", "010")
    }
    assert code("The professor, speaking to the BBC, said the rules were unclear.") == {
        ("---EDU", "GBRMED", "010")
    }
    # the other party of the same meeting is still met
    assert code("Vucic met reporters and Chinese officials.") == {
        ("SRBGOV", "---MED", "010"),
        ("SRBGOV", "CHNGOV", "040"),
        ("CHNGOV", "SRBGOV", "040"),
    }


def test_talking_to_an_audience_is_a_statement_to_it_not_a_consultation(code):
    assert code("The Kenyan president spoke to a crowd of supporters in Mombasa.") == {
        ("KENGOV", "KENCVL", "010")
    }
    assert code("The Kenyan president talked to a crowd of farmers on Sunday.") == {
        ("KENGOV", "---AGR", "010")
    }
    # plain people of no named country, talked to as a body, are an audience too
    assert code("Speaking to village elders, the Kenyan general praised the police.") >= {
        ("KENMIL", "---ELI", "010")
    }
    assert code("The Kenyan president talked to the troops at the base.") == {
        ("KENGOV", "---MIL", "010")
    }
    assert code("The Kenyan president spoke to Ugandan officials on Monday.") == {
        ("KENGOV", "UGAGOV", "041"),
        ("UGAGOV", "KENGOV", "041"),
    }
    # a named party is still consulted
    assert code("The Kenyan president spoke with Ugandan farmers in Kampala.") == {
        ("KENGOV", "UGAAGR", "041"),
        ("UGAAGR", "KENGOV", "041"),
    }


def test_beating_someone_in_a_contest_is_a_win_not_an_assault(code):
    assert code("Joe Biden narrowly beat Donald Trump in Georgia.", "2020-11-20") == set()
    assert code("Brazil beat Argentina in the final.") == set()
    assert code("Toronto native Sam Reid beat Ottawa goalie Tom Keller with a backhand.") == set()
    assert code("Police beat protesters in Minsk.") == {("BLRCOP", "BLROPP", "182")}


def test_willingness_to_admit_something_is_no_intent_to_cooperate(code):
    assert code("Peru is harder to govern than Peruvian officials are willing to admit.") == set()
    assert code("The Peruvian government is ready to admit its mistakes.") == set()
    # an act with no pattern of its own is still a cooperative intent
    assert code("The Peruvian government is ready to build a school for Bolivia.") == {
        ("PERGOV", "BOL", "030")
    }


def test_readiness_to_fight_or_endure_is_no_intent_to_cooperate(code):
    # a conflict act with no party named to act on is no cooperation
    assert code("Ecuador is ready to fight.") == set()
    assert code("Ecuador is ready to go to war.") == set()
    assert code("The rebels are ready to take up arms.") == set()
    assert code("Ecuador is ready to retaliate.") == set()
    # enduring is no act
    assert code("The villagers are ready to die for their land.") == set()
    assert code("Many residents are willing to wait a few more weeks.") == set()
    # with a party named, the threat stands; ending a war is cooperation
    assert code("Ecuador is ready to fight Peru.") == {("ECU", "PER", "138")}
    assert code("Ecuador agreed to end the war with Peru.") == {("ECU", "PER", "030")}


def test_a_verb_sharing_a_passive_subject_may_be_active(code):
    # the ambassador was summoned, and then left: the leaving is the ambassador's own trip
    assert code("The ambassador was summoned by Serbia and left Belgrade for Moscow.") == {
        ("SRB", "---GOV", "114"),
        ("---GOV", "RUS", "042"),
    }
    # the one honoured is no source, even as a pronoun for the speaker
    assert (
        code(
            "Mike Pompeo has told Donald Trump he would be honoured to serve in the cabinet.",
            "2016-12-18",
        )
        == set()
    )


def test_one_act_on_two_mentions_coded_alike_is_one_event(code, coder):
    import dyadwatch

    text = "Officials in Belarus cracked down on critics and alleged critics."
    events = dyadwatch.code_text(text, published="2021-06-16")
    assert [(e.source.code, e.target.code, e.cameo) for e in events] == [
        ("BLRGOV", "---OPP", "175")
    ]
    # two different parties stay two events
    assert code("Belarus expelled Polish and Lithuanian diplomats.") == {
        ("BLR", "POLGOV", "166"),
        ("BLR", "LTUGOV", "166"),
    }


def test_firing_someone_is_no_shooting_and_advising_someone_no_warning(code):
    assert code("The Malaysian prime minister fired two critics within the government.") == set()
    assert code("Troops fired on protesters in Minsk.") == {("---MIL", "BLROPP", "190")}
    # nor does the place a bare "fire" happens in become what was fired on
    assert code("Egypt fired its way into the final in Russia.") == set()
    assert (
        code("The Kenyan president advised opposition leaders to learn from the protests.") == set()
    )
    assert code("The Canadian government advised against travel to Haiti.") == {
        ("CANGOV", "HTI", "160")
    }


def test_workers_striking_are_on_strike_not_attacking(code):
    assert code("Nurses are striking across Kenya for better pay.") == {("---HLH", None, "143")}
    assert code("Rebels struck in northern Mali.") == {("---REB", "MLI", "190")}


def test_a_states_forces_destroying_property_is_destruction_not_a_riot(code):
    assert code("Israeli soldiers demolished the house of a Palestinian farmer.") == {
        ("ISRMIL", "PSEAGR", "1712")
    }
    assert code("Protesters demolished the Russian building.") == {("---OPP", "RUS", "145")}


def test_two_titles_before_one_name_are_one_person(code):
    assert code(
        "Deputy Prime Minister and Foreign Minister Ivica Dacic met Chinese officials.",
        "2018-04-06",
    ) == {("SRBGOV", "CHNGOV", "040"), ("CHNGOV", "SRBGOV", "040")}
    # with a determiner the first is somebody else
    assert ("---GOV", "CHNGOV", "040") in code(
        "The president and Foreign Minister Ivica Dacic met Chinese officials.", "2018-04-06"
    )


def test_firing_an_official_shoots_no_one_and_shooting_at_a_convoy_hits_its_owner(code):
    assert code("Zelensky fired the head of Ukraine's border guard.", "2022-01-01") == set()
    text = "Rebels shot at a convoy of Malian soldiers."
    assert code(text, "2022-01-01") == {("---REB", "MLIMIL", "190")}
    # a headline's passive stays one ("shot on Monday" says when, not at whom): the journalist
    # was shot, by someone not named, not the city
    assert code("Yemeni journalist shot on Monday in Aden.", "2022-01-01") == {
        ("---", "YEMMED", "190")
    }


def test_what_a_wish_says_of_another_is_not_done(code):
    assert (
        code("Germany hopes Russia will withdraw its troops from Ukraine.", "2022-01-01") == set()
    )
    assert code("The minister hoped that Chile would sign the treaty with Peru.") == set()
    # hoping to do it oneself is still an intent
    assert code("Germany hopes to sign the treaty with Peru.") == {("DEU", "PER", "032")}


def test_a_participle_describing_people_is_no_act_of_theirs_or_anyone(code):
    # "protesting farmers" are farmers who protest: the police do not protest
    assert code("Police fired on protesting Indian farmers.", "2021-01-01") == {
        ("---COP", "INDAGR", "190")
    }
    text = "The government bowed to the demands of striking Kenyan teachers."
    assert code(text, "2021-01-01") == {("---GOV", "KENEDU", "083")}


def test_a_sum_of_something_given_is_that_thing_not_money_given(code):
    text = "Switzerland will transfer $300 million in Belgian pension liabilities."
    assert code(text, "2021-01-01") == set()
    assert code("Japan gave $5 million in loans to Kenya.", "2021-01-01") == {("JPN", "KEN", "071")}
    assert code("Japan gave $5 million to Kenya.", "2021-01-01") == {("JPN", "KEN", "071")}


def test_fighting_a_decision_or_tariffs_is_opposing_them_not_force(code):
    text = "Brazil said it would fight the American tariffs at the trade body."
    assert code(text, "2021-01-01") == {("BRA", "USA", "111")}  # not the threat of force, 138
    assert code("Peru fought the Chilean ruling in court.", "2021-01-01") == {("PER", "CHL", "111")}
    assert code("Ukrainian troops fought Russian forces near Kharkiv.", "2021-01-01") == {
        ("UKRMIL", "RUSMIL", "190")
    }


def test_recognising_a_person_or_a_union_is_no_diplomatic_recognition(code):
    text = "Human Rights Watch recognized the Kenyan reporter as a prisoner of conscience."
    assert code(text, "2021-01-01") == set()
    text = "Chile became the first country in the region to recognize unions of same-sex couples."
    assert code(text, "2021-01-01") == set()
    assert code("Mexico recognized the new Bolivian government.", "2021-01-01") == {
        ("MEX", "BOLGOV", "054")
    }


def test_asking_someone_to_go_with_no_destination_is_no_appeal_to_meet(code):
    # a journey asked for with nowhere to go: no appeal to meet (026), at most a plain appeal
    assert code("The Peruvian president told Chilean reporters to go home.", "2021-01-01") == set()
    assert code("Peru advised its citizens to leave Chile.", "2021-01-01") == set()
    text = "Peruvian police asked Bolivian protesters to leave the square."
    assert code(text, "2021-01-01") == {("PERCOP", "BOLOPP", "020")}
    # with a destination it is one
    text = "Peru urged Chile's president to travel to Lima for talks."
    assert code(text, "2021-01-01") == {("PER", "CHLGOV", "026")}
    text = "Peru urged Chile's president to leave for Lima."
    assert code(text, "2021-01-01") == {("PER", "CHLGOV", "026")}


def test_conduct_named_by_its_of_phrase_is_its_owners(code):
    assert code("Peru criticised the conduct of Chile's president.") == {("PER", "CHLGOV", "111")}
    assert code("Peru condemned the actions of Chilean troops.") == {("PER", "CHLMIL", "111")}
    text = "The Peruvian senate launched an inquiry into the activities of Chilean companies."
    assert code(text) == {("PERLEG", "CHLBUS", "090")}
    # what is done to something is no conduct of it
    assert code("Peru criticised the handling of the Chilean crisis.") == set()


def test_accepting_a_proposal_is_an_intent_to_cooperate_with_its_author(code):
    assert code("Peru accepted Chile's proposal.") == {("PER", "CHL", "030")}
    assert code("Peru accepted a peace plan from the Chilean government.") == {
        ("PER", "CHLGOV", "030")
    }
    assert code("Peru accepted the plan proposed by Chile.") == {("PER", "CHL", "030")}
    # not accepted: no intent (and a rejection stays one)
    assert code("Peru did not accept Chile's proposal.") == set()
    assert code("Peru rejected Chile's proposal.") == {("PER", "CHL", "127")}


def test_seeking_asylum_somewhere_is_a_demand_for_humanitarian_aid_on_that_country(code):
    assert code("Three Peruvian dissidents sought asylum in Chile.") == {("PEROPP", "CHL", "1033")}
    text = "The Peruvian opposition leader requested asylum at the Chilean embassy."
    assert code(text) == {("PEROPP", "CHLGOV", "1033")}
    # nowhere named, no one asked
    assert code("The Peruvian journalist sought asylum.") == set()
