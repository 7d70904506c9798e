#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/base/json_writer.h"

namespace attest {

TEST_CASE("written strings read back unchanged whatever they hold", "[base]") {
  auto text = GENERATE(std::string("plain"), std::string("quote \" and \\ backslash"),
                       std::string("line\nbreak\ttab\r"), std::string("\x01\x1f control"),
                       std::string("« accents é » 中文"), std::string(""),
                       std::string("ends with \\"));
  CAPTURE(text);
  JsonWriter w;
  w.BeginObject().Key("k").String(text).EndObject();
  CHECK(nlohmann::json::parse(w.str()).at("k").get<std::string>() == text);
}

TEST_CASE("containers, numbers and nulls are written compactly and in order", "[base]") {
  JsonWriter w;
  w.BeginObject().Key("a").Int(-3).Key("b").Double(0.875).Key("c").BeginArray();
  w.Int(1).Null().Bool(true).BeginArray().EndArray().EndArray().Key("d").Double(1.0).EndObject();
  CHECK(w.str() == R"({"a":-3,"b":0.875,"c":[1,null,true,[]],"d":1})");
}

}  // namespace attest
